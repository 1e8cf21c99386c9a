import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "./offsets";
import { describeSpan } from "./selectors";
import { reanchor, type AnchorInput } from "./reanchor";

/** A claim on the n-th occurrence of `phrase`, with selectors as the server stores them (code points). */
function claim(text: string, id: string, phrase: string, occurrence = 0): AnchorInput {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`phrase not found: ${phrase}`);
  const start = codePointLength(text.slice(0, at));
  const end = start + codePointLength(phrase);
  const { quote } = describeSpan(text, start, end);
  return { id, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

const one = (oldText: string, newText: string, c: AnchorInput) => reanchor(oldText, newText, [c])[0]!;

const TEXT = [
  "NATO chief Jens Stoltenberg arrived in South Korea on Sunday before heading to Japan.",
  "In Seoul he met Foreign Minister Park Jin and asked South Korea to send weapons to Ukraine.",
  "South Korea has a law against supplying weapons to countries at war.",
].join("\n");

describe("reanchor", () => {
  it("leaves every claim anchored when the text did not change", () => {
    const c = claim(TEXT, "a", "Foreign Minister Park Jin");
    expect(one(TEXT, TEXT, c)).toMatchObject({ state: "anchored", start: c.start, end: c.end, exact: c.exact, score: null });
  });

  it("layer 1: a word fixed after the claim leaves it anchored, with new context", () => {
    const c = claim(TEXT, "a", "Foreign Minister Park Jin");
    const newText = TEXT.replace("Park Jin and asked", "Park Jin and urged");
    const r = one(TEXT, newText, c);
    expect(r).toMatchObject({ state: "anchored", start: c.start, end: c.end, exact: "Foreign Minister Park Jin" });
    expect(r.suffix).toContain("urged");
  });

  it("layer 2: text inserted before the claim moves it, quote intact", () => {
    const c = claim(TEXT, "a", "Foreign Minister Park Jin");
    const newText = TEXT.replace("In Seoul he met", "In the capital Seoul he met");
    const r = one(TEXT, newText, c);
    expect(r.state).toBe("moved");
    expect(sliceCodePoints(newText, r.start, r.end)).toBe("Foreign Minister Park Jin");
  });

  it("layer 2: a whole paragraph moved elsewhere carries its claims", () => {
    const c = claim(TEXT, "a", "a law against supplying weapons");
    const lines = TEXT.split("\n");
    const newText = [lines[2], lines[0], lines[1]].join("\n");
    const r = one(TEXT, newText, c);
    expect(r.state).toBe("moved");
    expect(sliceCodePoints(newText, r.start, r.end)).toBe("a law against supplying weapons");
  });

  it("does not stretch a claim over text inserted at its edge", () => {
    const c = claim(TEXT, "a", "Park Jin");
    const r = one(TEXT, TEXT.replace("Park Jin and", "Park Jin, a diplomat, and"), c);
    expect(r).toMatchObject({ state: "anchored", exact: "Park Jin" });
  });

  it("layer 3: the claim’s own words lightly edited make it drifted, with a score, at the edited words", () => {
    const c = claim(TEXT, "a", "asked South Korea to send weapons to Ukraine");
    const newText = TEXT.replace("asked South Korea to send weapons", "asked South Korea to send more weapons");
    const r = one(TEXT, newText, c);
    expect(r.state).toBe("drifted");
    expect(r.score).toBeGreaterThan(0.8);
    expect(r.score).toBeLessThan(1);
    expect(sliceCodePoints(newText, r.start, r.end)).toBe("asked South Korea to send more weapons to Ukraine");
  });

  it("layer 3: a word replaced at the claim's edge ends the claim at the new word's edge, not inside it", () => {
    const text = "In Seoul, Stoltenberg urged South Korea to support Ukraine militarily to resist Russian aggression.";
    const newText = text.replace("militarily", "with weapons");
    const r = one(text, newText, claim(text, "a", "Stoltenberg urged South Korea to support Ukraine militarily"));
    expect(r.state).toBe("drifted");
    expect(sliceCodePoints(newText, r.start, r.end)).toBe("Stoltenberg urged South Korea to support Ukraine with weapons");
    expect(r.suffix.startsWith(" to resist")).toBe(true);
    // A claim that began inside a word, as its author chose, keeps that edge.
    const cut = one(text, newText, claim(text, "b", "berg urged South Korea to support Ukraine militarily"));
    expect(sliceCodePoints(newText, cut.start, cut.end)).toBe("berg urged South Korea to support Ukraine with weapons");
  });

  it("layer 3: words inserted inside the claim widen it to the edited span, not to a closer-scoring piece of it", () => {
    const c = claim(TEXT, "a", "send weapons to Ukraine");
    const newText = TEXT.replace("to send weapons", "to send many weapons");
    const r = one(TEXT, newText, c);
    expect(r.state).toBe("drifted");
    expect(sliceCodePoints(newText, r.start, r.end)).toBe("send many weapons to Ukraine");
  });

  describe("claims that share an edit come through it alike", () => {
    // The case the desk met: one two-word edit, three overlapping claims. Before the rule, the long claim drifted (0.86)
    // and the two shorter ones were orphaned, because a fuzzy search weighs the edit against each claim's length.
    const text = "In Seoul he urged South Korea to increase military support to Ukraine, citing other countries.";
    const edited = text.replace("increase military support", "send more weapons");
    const claims = [
      claim(text, "short", "increase military support to Ukraine"),
      claim(text, "long", "In Seoul he urged South Korea to increase military support to Ukraine"),
      claim(text, "ends-in-edit", "urged South Korea to increase military support"),
    ];

    it("drifts every claim that keeps some of its words, each onto the edited words the diff puts it on", () => {
      const r = reanchor(text, edited, claims);
      expect(r.map((x) => x.state)).toEqual(["drifted", "drifted", "drifted"]);
      expect(r.map((x) => sliceCodePoints(edited, x.start, x.end))).toEqual([
        "send more weapons to Ukraine",
        "In Seoul he urged South Korea to send more weapons to Ukraine",
        "urged South Korea to send more weapons",
      ]);
      // The score says how much of each changed: the shorter claim changed more.
      expect(r[0]!.score).toBeLessThan(r[1]!.score!);
      for (const x of r) expect(x.exact).toBe(sliceCodePoints(edited, x.start, x.end));
    });

    it("gives the same result whatever the order or company of the claims", () => {
      const alone = claims.map((c) => one(text, edited, c));
      expect(reanchor(text, edited, [...claims].reverse()).reverse()).toEqual(alone);
    });

    it("orphans a claim whose every word the edit replaced: its words are gone", () => {
      const words = claim(text, "words", "increase military support");
      expect(one(text, edited, words)).toMatchObject({ state: "orphaned", start: 0, end: 0, exact: "increase military support" });
    });

    it("orphans a claim of which the edit left only small words", () => {
      const t = "He recalled the NATO summit in Madrid in June 2022 and left.";
      const c = claim(t, "m", "the NATO summit in Madrid in June 2022");
      expect(one(t, t.replace("the NATO summit in Madrid in June 2022", "the alliance gathering held in Spain"), c).state).toBe("orphaned");
    });

    it("keeps a claim off a paragraph that replaced its own wholesale", () => {
      const two = "Stoltenberg arrived in Seoul on Sunday.\nHe urged South Korea to send weapons to Ukraine.";
      const c = claim(two, "p", "He urged South Korea to send weapons to Ukraine.");
      const r = one(two, "Stoltenberg arrived in Seoul on Sunday.\nKishida hosted a dinner in Tokyo the next day.", c);
      expect(r.state).toBe("orphaned");
    });
  });

  it("never moves a claim onto an identical phrase elsewhere when its own words were replaced (hypothesis/h#2798)", () => {
    const c = claim(TEXT, "a", "South Korea", 0);
    const newText = TEXT.replace("arrived in South Korea on Sunday", "arrived in Seoul on Sunday");
    const r = one(TEXT, newText, c);
    expect(r.state).toBe("orphaned");
    expect(r).toMatchObject({ start: 0, end: 0, exact: "South Korea" });
    expect(r.prefix).toBe(c.prefix);
  });

  it("never moves a claim onto an identical sentence elsewhere when its own copy was deleted", () => {
    const text = "Alpha said the war must end.\nBeta disagreed loudly.\nAlpha said the war must end.";
    const c = claim(text, "a", "Alpha said the war must end.", 0);
    const newText = "Beta disagreed loudly.\nAlpha said the war must end.";
    const r = one(text, newText, c);
    // The diff decides which copy was deleted; whichever it says, the result is never a confident claim on the other copy.
    if (r.state !== "orphaned") {
      expect(["anchored", "moved"]).toContain(r.state);
      expect(r.exact).toBe("Alpha said the war must end.");
    }
    const second = claim(text, "b", "Alpha said the war must end.", 1);
    const both = reanchor(text, newText, [c, second]);
    expect(both.filter((x) => x.state === "orphaned")).toHaveLength(1);
    expect(both.filter((x) => x.state === "moved" || x.state === "anchored")).toHaveLength(1);
  });

  it("layer 4: a claim whose sentence was deleted is orphaned and keeps its old quote", () => {
    const c = claim(TEXT, "a", "a law against supplying weapons");
    const newText = TEXT.split("\n").slice(0, 2).join("\n");
    expect(one(TEXT, newText, c)).toMatchObject({
      state: "orphaned",
      start: 0,
      end: 0,
      exact: "a law against supplying weapons",
      score: null,
    });
  });

  it("keeps a drifted claim drifted (with its score) until an editor confirms it", () => {
    const c = { ...claim(TEXT, "a", "Foreign Minister Park Jin"), state: "drifted" as const, score: 0.86 };
    expect(one(TEXT, TEXT.replace("Sunday", "Saturday"), c)).toMatchObject({
      state: "drifted",
      score: 0.86,
      exact: "Foreign Minister Park Jin",
    });
  });

  it("finds an orphan again only in text a later correction wrote, as drifted", () => {
    const before = TEXT.replace("a law against supplying weapons", "rules");
    const orphanInput = { ...claim(TEXT, "a", "a law against supplying weapons"), start: 0, end: 0, state: "orphaned" as const };
    // Text that was already there (another paragraph) is never a candidate...
    expect(one(before, before.replace("Sunday", "Saturday"), orphanInput).state).toBe("orphaned");
    // ...but the words written back are.
    const restored = one(before, TEXT, orphanInput);
    expect(restored.state).toBe("drifted");
    expect(sliceCodePoints(TEXT, restored.start, restored.end)).toBe("a law against supplying weapons");
  });

  it("counts offsets in code points around emoji and astral letters", () => {
    const text = "Emoji 😀 first. 𝕏 posts said NATO wants more.\nSecond line.";
    const c = claim(text, "a", "NATO wants more");
    const newText = text.replace("Emoji 😀 first.", "Emoji 😀😀 first, really.");
    const r = one(text, newText, c);
    expect(r.state).toBe("moved");
    expect(sliceCodePoints(newText, r.start, r.end)).toBe("NATO wants more");
    expect(r.start).toBe(codePointLength(newText.slice(0, newText.indexOf("NATO"))));
  });

  it("handles a claim across two paragraphs", () => {
    const c = claim(TEXT, "a", "Japan.\nIn Seoul");
    const r = one(TEXT, "Preface.\n" + TEXT, c);
    expect(r.state).toBe("moved");
    expect(r.exact).toBe("Japan.\nIn Seoul");
  });
});
