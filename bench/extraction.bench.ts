/**
 * Article extraction on the evaluation set in
 * tests/fixtures/extraction: token-shingle precision, recall and F1 as the
 * public article-extraction benchmark scores them
 * (tests/support/extraction-score.ts), for
 * - Mozilla Readability alone (linkedom DOM, headline from <title>);
 * - Claimdesk's importer (lib/import/read-page.ts: Readability plus the
 *   project's page-furniture and line rules, standfirst; the headline is the
 *   title it reads from the page, scored above the text);
 * - the importer before Readability (sanitize-html block conversion and the
 *   line rules of that time), read from git history when git is at hand.
 * Then the time to read a page, and a 10 MB page in the worker pool with
 * the event loop's delays meanwhile.
 * Run: `npm run bench extraction`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Readability } from "@mozilla/readability";
import { TextDecoder as WhatwgDecoder } from "@exodus/bytes/encoding.js";
import { parseDocument } from "@/lib/import/html-document";
import { htmlBlocks } from "@/lib/import/html-blocks";
import { readPage } from "@/lib/import/read-page";
import { readPageInWorker } from "@/lib/import/extraction-pool";
import { extractionFixtures, type ExtractionFixture } from "@/tests/support/extraction-fixtures";
import { scorePages, shingleCounts, pageF1 } from "@/tests/support/extraction-score";

/** The last commit with the importer before Readability. */
const LEGACY_COMMIT = "0e47723";
const fixtures = extractionFixtures();
const decode = (f: ExtractionFixture) => new WhatwgDecoder(f.meta.charset).decode(f.bytes);

const readabilityAlone = (f: ExtractionFixture) => {
  const doc = parseDocument(decode(f));
  const r = new Readability<Node>(doc, { serializer: (el) => el }).parse();
  return r ? [r.title ?? "", ...htmlBlocks(r.content as Element).map((b) => b.text)].join("\n") : "";
};

/**
 * The article as the importer saves it when the user changes nothing: the
 * title the page states (the form's prefill, the article's heading) above
 * the text, which does not repeat it; scored like Readability's title and
 * content above.
 */
const claimdesk = (f: ExtractionFixture) => {
  const reading = readPage({ bytes: f.bytes, format: "html", field: "file" });
  const out = new Set(reading.removed.flatMap((b) => b.lines.map((_, k) => b.index + k)));
  return [reading.metadata?.title?.value ?? "", ...reading.lines.filter((_, i) => !out.has(i))].filter(Boolean).join("\n");
};

/** The importer before Readability, from git history (null without git). */
async function legacyImporter(): Promise<((f: ExtractionFixture) => string) | null> {
  const dir = "bench/results/legacy-import";
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of ["lib/import/html-to-text.ts", "lib/anchoring/strip-furniture.ts", "lib/anchoring/normalize-text.ts"]) {
      writeFileSync(
        `${dir}/${file.split("/").pop()}`,
        execFileSync("git", ["show", `${LEGACY_COMMIT}:${file}`], { stdio: ["ignore", "pipe", "ignore"] }),
      );
    }
    const base = pathToFileURL(`${process.cwd()}/${dir}/`).href;
    const { htmlToText } = await import(`${base}html-to-text.ts`);
    const { stripFurniture: legacyStrip } = await import(`${base}strip-furniture.ts`);
    const { normalizeText } = await import(`${base}normalize-text.ts`);
    return (f) => legacyStrip(normalizeText(htmlToText(decode(f)))).text;
  } catch {
    return null;
  }
}

const pct = (x: number) => x.toFixed(3);
function report(name: string, extract: (f: ExtractionFixture) => string) {
  const rows = fixtures.map((f) => ({ f, counts: shingleCounts(f.expected, extract(f)) }));
  const all = scorePages(rows.map((r) => r.counts));
  const held = scorePages(rows.filter((r) => r.f.meta.heldOut).map((r) => r.counts));
  const tuned = scorePages(rows.filter((r) => !r.f.meta.heldOut).map((r) => r.counts));
  const late = scorePages(rows.filter((r) => r.f.meta.writtenAfterFreeze).map((r) => r.counts));
  console.log(
    `${name.padEnd(34)} P ${pct(all.precision)}  R ${pct(all.recall)}  F1 ${pct(all.f1)}   (tuning set ${pct(tuned.f1)}, held out ${pct(held.f1)}, written after the freeze ${pct(late.f1)})`,
  );
  return rows;
}

console.log(
  `${fixtures.length} pages (${fixtures.filter((f) => f.meta.heldOut).length} held out, ${fixtures.filter((f) => f.meta.writtenAfterFreeze).length} of them written after the rules were frozen); token-shingle (n=4) F1, macro-averaged per page\n`,
);
report("Readability alone", readabilityAlone);
const legacy = await legacyImporter();
if (legacy) report(`importer before Readability (${LEGACY_COMMIT})`, legacy);
else console.log("importer before Readability: skipped (git history not available)");
const rows = report("Claimdesk importer", claimdesk);
const worst = rows
  .map((r) => ({ name: r.f.name, f1: pageF1(r.f.expected, claimdesk(r.f)) }))
  .sort((a, b) => a.f1 - b.f1)
  .slice(0, 5);
console.log(`lowest pages: ${worst.map((w) => `${w.name} ${pct(w.f1)}`).join(", ")}`);

// Time per page, in this thread (the server reads pages in a worker).
const times: number[] = [];
for (let run = 0; run < 3; run++) {
  for (const f of fixtures) {
    const t0 = performance.now();
    readPage({ bytes: f.bytes, format: "html", field: "file" });
    if (run > 0) times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
console.log(
  `\nreading a page: median ${times[times.length >> 1]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
);

// A 10 MB page: a real-shaped article padded with inline scripts and JSON, as large pages are.
const base = decode(fixtures.find((f) => f.name === "arc-transit-strike")!);
let pad = "";
for (let i = 0; pad.length < 9_800_000; i++)
  pad += `<script>window.__STATE_${i}__=${JSON.stringify({ items: "x".repeat(2000) })};</script>${i % 20 === 0 ? `<div class="rail"><a href="/s/${i}">Story ${i}</a></div>` : ""}`;
const big = Buffer.from(base.replace("</body>", `${pad}</body>`));
const loop = monitorEventLoopDelay({ resolution: 10 });
for (let run = 0; run < 3; run++) {
  const page = Buffer.concat([big, Buffer.from(`<!-- ${run} -->`)]); // a different page each time: no cache
  loop.reset();
  loop.enable();
  const t0 = performance.now();
  const reading = await readPageInWorker({ bytes: page, format: "html", field: "file" });
  const ms = performance.now() - t0;
  loop.disable();
  console.log(
    `${(page.byteLength / 1e6).toFixed(1)} MB page in the worker: ${ms.toFixed(0)} ms (${reading.lines.length} lines); main event loop delay meanwhile: max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms`,
  );
}
const t0 = performance.now();
readPage({ bytes: big, format: "html", field: "file" });
console.log(`the same page read on the main thread would block it for ${(performance.now() - t0).toFixed(0)} ms`);
process.exit(0);
