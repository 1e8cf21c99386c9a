/**
 * Articles of a chosen size with many claims, for the benchmarks that open
 * them in a browser (article-page, live-updates, paint-highlights): the seed
 * articles' text repeated to `chars` code points, and claims of 20–120
 * characters spread evenly over it, every tenth nested in its neighbour.
 * Written straight to the bench database.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Db } from "@/lib/db";
import { createArticle } from "@/seeds/factories";
import { describeSpan } from "@/lib/anchoring/selectors";
import { importArticleText } from "@/lib/anchoring/strip-furniture";
import { codePointLength } from "@/lib/anchoring/offsets";

/** The seed articles' text, repeated and cut to `chars` code points. */
export function benchText(chars: number): string {
  const seeds = readdirSync("seeds/articles")
    .filter((f) => f.endsWith(".txt"))
    .map((f) => importArticleText(readFileSync(`seeds/articles/${f}`, "utf8")).text);
  let text = "";
  for (let i = 0; codePointLength(text) < chars; i++) text += (text ? "\n" : "") + seeds[i % seeds.length];
  return [...text].slice(0, chars).join("").trimEnd();
}

/** An article of `chars` characters with `claims` claims by `authorId`, outside review rounds. */
export async function createLargeArticle(
  db: Db,
  opts: { team: { id: string }; authorId: string; chars: number; claims: number; title?: string },
) {
  const article = await createArticle(db, {
    team: opts.team,
    text: benchText(opts.chars),
    stripFurniture: false,
    meta: { title: opts.title ?? `${opts.claims} claims` },
  });
  const version = article.versions[0]!;
  const length = codePointLength(version.text);
  const data = Array.from({ length: opts.claims }, (_, i) => {
    const start = Math.floor((i * (length - 150)) / Math.max(1, opts.claims)) + (i % 10 === 9 ? 5 : 0);
    const end = start + 20 + ((i * 37) % 100);
    const s = describeSpan(version.text, start, end);
    return {
      teamId: opts.team.id,
      articleId: article.id,
      versionId: version.id,
      authorId: opts.authorId,
      start,
      end,
      exact: s.quote.exact,
      prefix: s.quote.prefix,
      suffix: s.quote.suffix,
      verdict: (["verified", "disputed", "unsourced"] as const)[i % 3],
    };
  });
  for (let i = 0; i < data.length; i += 500) await db.annotation.createMany({ data: data.slice(i, i + 500) });
  return { article, version, length };
}

/** Cookies of a `Cookie` header as Playwright wants them for `url`. */
export function cookiesFor(cookie: string, url: string) {
  return cookie.split("; ").map((c) => {
    const [name, ...v] = c.split("=");
    return { name: name!, value: v.join("="), url };
  });
}

/** The median of a list of numbers. */
export const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Chromium as the benchmarks launch it (Debian's, no network). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
