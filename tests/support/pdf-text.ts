/** Reading the text of a PDF report back with pdf.js, as a reader's PDF viewer would. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One run of text as pdf.js places it: its page (1-based), left edge and width in points. */
export type PdfTextItem = { page: number; str: string; x: number; width: number; hasEOL: boolean };

/** Every text item of every page, with the page width. */
export async function pdfTextItems(pdf: Uint8Array): Promise<{ items: PdfTextItem[]; pageWidth: number; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const items: PdfTextItem[] = [];
  let pageWidth = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    pageWidth = page.view[2]! - page.view[0]!;
    const content = await page.getTextContent();
    for (const item of content.items)
      if ("str" in item) items.push({ page: i, str: item.str, x: item.transform[4] as number, width: item.width, hasEOL: item.hasEOL });
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { items, pageWidth, pages };
}

/** The text of every page, lines joined by spaces, runs of whitespace collapsed, page footers left out. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const { items, pages } = await pdfTextItems(pdf);
  let out = "";
  for (let page = 1; page <= pages; page++) {
    for (const item of items) if (item.page === page) out += item.str + (item.hasEOL ? " " : "");
    out += " ";
  }
  return out.replace(/Page \d+ of \d+/g, " ").replace(/\s+/g, " ");
}
