/**
 * Data at the limits the import allows, for the tests that exports cannot
 * hurt the server: articles of MAX_IMPORT_BYTES (1 MiB) of text,
 * with and without spaces, carrying many claims.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/article";
import { createArticle } from "@/seeds/factories";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `n` letters and digits with no break opportunity, none repeating soon (so no layout cache helps). */
export const unbrokenRun = (n = MAX_IMPORT_BYTES) =>
  Array.from({ length: n }, (_, i) => ALPHABET[(i * 7 + Math.floor(i / 36) * 5 + Math.floor(i / 1296)) % 36]).join("");

/** About `n` characters of distinct short words, in paragraphs of about 4,000 characters. */
export function manyWords(n = MAX_IMPORT_BYTES): string {
  let text = "";
  for (let i = 0; text.length < n; i++) text += `w${(i * 7919).toString(36)}${i % 700 === 699 ? "\n" : " "}`;
  return text.slice(0, n).trimEnd();
}

/**
 * An article of `text` in `team` with `claims` claims of an editor spread
 * over it (about 60 characters each), every third with a rationale.
 */
export async function createHeavyArticle(
  db: Db,
  data: { team: { id: string }; editorId: string; text: string; claims: number; title: string },
) {
  const article = await createArticle(db, { team: data.team, text: data.text, stripFurniture: false, meta: { title: data.title } });
  const version = article.versions[0]!;
  const text = version.text;
  const step = Math.floor(text.length / data.claims);
  const rows = Array.from({ length: data.claims }, (_, i) => {
    const start = i * step;
    const end = Math.min(text.length, start + Math.min(60, step));
    return {
      id: randomUUID(),
      teamId: data.team.id,
      articleId: article.id,
      versionId: version.id,
      authorId: data.editorId,
      start,
      end,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      verdict: (["verified", "disputed", "unsourced"] as const)[i % 3],
      rationaleHtml: i % 3 ? "" : `<p>Rationale ${i}: checked against the record.</p>`,
      status: "submitted" as const,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.annotation.createMany({ data: rows.slice(i, i + 500) });
  return { article, version };
}
