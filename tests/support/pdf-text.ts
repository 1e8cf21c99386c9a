/** Reading the text of a PDF report back with pdf.js, as a reader's PDF viewer would. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One run of text as pdf.js places it: its page (1-based), left edge, width, baseline (up from the page's foot) and font size, in points. */
export type PdfTextItem = { page: number; str: string; x: number; width: number; y: number; size: number; hasEOL: boolean };

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
      if ("str" in item)
        items.push({
          page: i,
          str: item.str,
          x: item.transform[4] as number,
          width: item.width,
          y: item.transform[5] as number,
          size: item.height,
          hasEOL: item.hasEOL,
        });
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { items, pageWidth, pages };
}

/**
 * Pairs of text runs printed over each other: on one page, their left-right
 * ranges overlapping, and their glyphs' bands too (from a fifth of the font
 * size below the baseline, where descenders end, to seven tenths above it,
 * where capitals end; DejaVu Sans draws a little beyond both). Runs on one
 * line never overlap sideways, and lines a font's pitch apart never overlap
 * in height, so a pair is two lines drawn on top of each other.
 */
export function overlappingRuns(items: readonly PdfTextItem[]): [PdfTextItem, PdfTextItem][] {
  const runs = items.filter((i) => i.str.trim() !== "" && i.width > 0);
  const band = (i: PdfTextItem) => [i.y - 0.2 * i.size, i.y + 0.7 * i.size] as const;
  const pairs: [PdfTextItem, PdfTextItem][] = [];
  for (const [n, a] of runs.entries()) {
    for (const b of runs.slice(n + 1)) {
      if (a.page !== b.page || a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5) continue;
      const [a0, a1] = band(a);
      const [b0, b1] = band(b);
      if (a0 < b1 - 0.5 && b0 < a1 - 0.5) pairs.push([a, b]);
    }
  }
  return pairs;
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

/** A structure element of a tagged PDF as a reader sees it: its role, its own text, and its children. */
export type PdfStructNode = { role: string; text: string; children: PdfStructNode[] };

type RawStruct = { role?: string; type?: string; id?: string; children?: RawStruct[] };

/**
 * The structure tree of each page of a tagged PDF, read with pdf.js as an
 * assistive technology would (`getStructTree`), each element with the text
 * of the marked content it holds. Page footers marked as artifacts are in no
 * element. An untagged PDF gives no elements.
 */
export async function pdfStructure(pdf: Uint8Array): Promise<PdfStructNode[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const roots: PdfStructNode[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const texts = new Map<string, string>();
    const open: string[] = [];
    for (const item of content.items) {
      if ("type" in item && item.type === "beginMarkedContentProps" && item.id) open.push(item.id);
      else if ("type" in item && item.type === "beginMarkedContent") open.push("");
      else if ("type" in item && item.type === "endMarkedContent") open.pop();
      else if ("str" in item && open.length) texts.set(open.at(-1)!, (texts.get(open.at(-1)!) ?? "") + item.str + (item.hasEOL ? " " : ""));
    }
    const walk = (n: RawStruct): PdfStructNode => {
      const children = (n.children ?? []).filter((c) => c.role).map(walk);
      const own = (n.children ?? []).filter((c) => c.type === "content").map((c) => texts.get(c.id!) ?? "");
      return { role: n.role!, text: own.join("").replace(/\s+/g, " ").trim(), children };
    };
    const tree = (await page.getStructTree()) as RawStruct | null;
    for (const n of tree?.children ?? []) if (n.role) roots.push(walk(n));
  }
  await doc.destroy();
  return roots;
}

/** Every element of `nodes` and below, depth first (document order). */
export function flattenStructure(nodes: PdfStructNode[]): PdfStructNode[] {
  return nodes.flatMap((n) => [n, ...flattenStructure(n.children)]);
}
