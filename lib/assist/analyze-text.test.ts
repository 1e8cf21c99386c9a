import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyze-text";
import { compileAliases } from "./aliases";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { DEFAULT_WEIGHTS, SUGGEST_THRESHOLD, learn, reasons, score } from "./checkworthy-model";

const speakersOf = (text: string, aliases = compileAliases()) => analyzeText(text, aliases).map((s) => s.speakers.map((x) => x.name));

describe("sentences and offsets", () => {
  it("counts code points, keeps sentences inside paragraphs and slices back to each sentence", () => {
    const text = "A 😀 emoji precedes Seoul. It has 2 sentences.\nA second paragraph says 10 tanks.";
    const sentences = analyzeText(text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    for (const s of sentences) expect(sliceCodePoints(text, s.start, s.end)).toBe(s.text);
    expect(sentences[2]!.start).toBe([...text].indexOf("\n") + 1);
  });
});

describe("named entities and aliases", () => {
  it("maps Seoul to South Korea, DPRK to North Korea and the NATO chief to Jens Stoltenberg", () => {
    const [s] = analyzeText("The NATO chief told Seoul that the DPRK had sent shells to Russia.");
    const names = s!.entities.map((e) => e.canonical);
    expect(names).toEqual(expect.arrayContaining(["Jens Stoltenberg", "South Korea", "North Korea", "Russia"]));
  });

  it("takes a team's alias on top of the defaults", () => {
    const aliases = compileAliases([{ alias: "the Blue House", canonical: "South Korean presidency" }]);
    const [s] = analyzeText("The Blue House denied the report on Tuesday.", aliases);
    expect(s!.entities.map((e) => e.canonical)).toContain("South Korean presidency");
  });

  it("splits titles from names and resolves a surname to the full name met earlier", () => {
    const [a, b] = analyzeText("Foreign Minister Park Jin met NATO Secretary-General Jens Stoltenberg. Later Stoltenberg left.");
    expect(a!.entities.filter((e) => e.kind === "person").map((e) => e.canonical)).toEqual(["Park Jin", "Jens Stoltenberg"]);
    expect(b!.entities.find((e) => e.kind === "person")?.canonical).toBe("Jens Stoltenberg");
  });
});

describe("who said it", () => {
  it("reads '…, X said' and 'X told reporters'", () => {
    expect(speakersOf("The deficit fell to 3 percent last year, Finance Minister Anna Berg said.")[0]).toEqual(["Anna Berg"]);
    expect(speakersOf("Park told reporters the talks would resume in March.")[0]).toEqual(["Park"]);
  });

  it("reads 'according to X'", () => {
    expect(speakersOf("According to KCNA, the missile flew 1,000 kilometres.")[0]).toEqual(["KCNA"]);
  });

  it("gives a quotation the speaker of the attribution after it, and a pronoun the last named speaker", () => {
    const text = "Mayor Lena Holt opened the bridge on Friday. “It cost 40 million euros. It will carry 20,000 cars a day,” she said.";
    const speakers = speakersOf(text);
    expect(speakers[1]).toEqual(["Lena Holt"]);
    expect(speakers[2]).toEqual(["Lena Holt"]);
  });

  it("keeps a pronoun to its paragraph's speaker, not to someone merely named", () => {
    const text = "Jim Townsend, a former official, described the trip as important.\n“Stoltenberg’s visit matters,” he told DW.";
    expect(speakersOf(text)[1]).toEqual(["Jim Townsend"]);
  });
});

describe("check-worthiness", () => {
  it("scores a sentence with a number, a date and a named speaker above a caption, with readable reasons", () => {
    const [claim, caption] = analyzeText("Unemployment rose to 7.2 percent in March, the statistics office said.\nPhoto: AFP");
    expect(score(DEFAULT_WEIGHTS, claim!.features.values)).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(score(DEFAULT_WEIGHTS, caption!.features.values)).toBeLessThan(SUGGEST_THRESHOLD);
    expect(reasons(DEFAULT_WEIGHTS, claim!.features).join(" | ")).toMatch(/number.*7\.2/i);
  });

  it("marks a check-worthy sentence without attribution as one where Unsourced may fit", () => {
    const [s] = analyzeText("South Korea signed a deal to supply hundreds of tanks to Poland in 2022.");
    expect(s!.features.values.unattributed).toBe(1);
    expect(reasons(DEFAULT_WEIGHTS, s!.features)).toContain("No attribution in the text (Unsourced may fit)");
  });

  it("learns from dismissals and accepts, and stays near the defaults", () => {
    const [s] = analyzeText("The NATO summit took place in Madrid in June 2022.");
    const x = s!.features.values;
    let w = DEFAULT_WEIGHTS;
    for (let i = 0; i < 20; i++) w = learn(w, x, 0);
    expect(score(w, x)).toBeLessThan(score(DEFAULT_WEIGHTS, x));
    for (let i = 0; i < 40; i++) w = learn(w, x, 1);
    expect(score(w, x)).toBeGreaterThan(0.5);
    for (const v of Object.values(w.weights)) expect(Math.abs(v)).toBeLessThanOrEqual(8);
  });
});

describe("words that name an object's own members", () => {
  it("reads constructor, toString, __proto__ and hasOwnProperty as words, in every table", () => {
    const text =
      "The constructor said toString and valueOf cost constructor billion, while __proto__ officials from Hasownproperty told reporters on Monday that 12 constructor tanks arrived.";
    const sentences = analyzeText(text);
    expect(sentences).toHaveLength(1);
    const [s] = sentences;
    expect(s!.terms).toEqual(expect.arrayContaining(["constructor", "tostring", "valueof"]));
    for (const t of s!.terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
    for (const e of s!.entities) expect(typeof e.canonical).toBe("string");
  });
});
