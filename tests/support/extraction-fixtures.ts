/**
 * The extraction evaluation set (tests/fixtures/extraction): news pages shaped
 * like those of several publishing systems, each with the article body a
 * person would check (`<name>.expected.txt`, one paragraph per line) and the
 * metadata the page states (`<name>.meta.json`). See the README beside them
 * for what counts as the body.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/extraction");

/** What a page states about itself, as a person reads it. Null where the page does not say. */
export type ExpectedMeta = {
  system: string;
  features: string[];
  /** Not used to tune the extractor (see the README). */
  heldOut: boolean;
  /** Written after the extractor's rules were frozen, and scored once. */
  writtenAfterFreeze?: boolean;
  /** The encoding the page's bytes are in. */
  charset: string;
  title: string;
  authors: string[];
  published: string | null;
  modified: string | null;
  outlet: string | null;
  canonical: string | null;
};

export type ExtractionFixture = { name: string; bytes: Buffer; expected: string; meta: ExpectedMeta };

/** Every page of the set, in name order. */
export function extractionFixtures(): ExtractionFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".html".length);
      return {
        name,
        bytes: readFileSync(path.join(DIR, f)),
        expected: readFileSync(path.join(DIR, `${name}.expected.txt`), "utf8"),
        meta: JSON.parse(readFileSync(path.join(DIR, `${name}.meta.json`), "utf8")) as ExpectedMeta,
      };
    });
}
