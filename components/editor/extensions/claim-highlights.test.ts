import { getSchema } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import type { Decoration, DecorationSet } from "@tiptap/pm/view";
import { StarterKit } from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { TextPmMap } from "../../../lib/anchoring/prosemirror-positions";
import {
  buildClaimDecorations,
  claimHighlightsKey,
  claimsAt,
  createClaimHighlightsPlugin,
  docText,
  pickClaim,
  textToDocJson,
  type ClaimHighlightInput,
  type HighlightClaim,
} from "./claim-highlights";
import { GroupedDocument, LineGroup, groupLines } from "./line-groups";

const schema = getSchema([StarterKit]);

function setup(text: string) {
  const doc = schema.nodeFromJSON(textToDocJson(text));
  return { doc, map: new TextPmMap(text) };
}

/** Decoration attrs are not in PM's public typings; the tests only read them. */
function attrs(d: Decoration): Record<string, string> {
  return (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
}

/** Each claim's whole span: its focusable first piece and the rest are contiguous decorations, joined here. */
function ranges(set: DecorationSet, doc: PmNode) {
  const spans = new Map<string, { from: number; to: number }>();
  for (const d of set.find()) {
    const id = d.spec.claimId as string;
    const s = spans.get(id);
    spans.set(id, { from: Math.min(s?.from ?? d.from, d.from), to: Math.max(s?.to ?? d.to, d.to) });
  }
  return [...spans]
    .map(([id, { from, to }]) => ({ id, from, to, text: doc.textBetween(from, to, "\n") }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The focusable first piece of each claim: its text and accessible name, in document (Tab) order. */
function firstPieces(set: DecorationSet, doc: PmNode) {
  return set
    .find()
    .filter((d) => d.spec.first)
    .sort((a, b) => a.from - b.from || b.to - a.to)
    .map((d) => ({ id: d.spec.claimId as string, text: doc.textBetween(d.from, d.to, "\n"), name: attrs(d)["aria-label"] }));
}

const claim = (id: string, start: number, end: number, extra: Partial<HighlightClaim> = {}): HighlightClaim => ({
  id,
  start,
  end,
  verdict: "verified",
  ...extra,
});

describe("textToDocJson / docText", () => {
  it("round-trips the canonical text, empty lines included", () => {
    const text = "First line\n\nThird <b>not html</b> *nor md*\n";
    const { doc } = setup(text);
    expect(doc.childCount).toBe(4);
    expect(docText(doc)).toBe(text);
  });
});

describe("buildClaimDecorations", () => {
  it("covers exactly a claim inside a paragraph", () => {
    const text = "Hello world\nSecond line here";
    const { doc, map } = setup(text);
    const set = buildClaimDecorations(doc, map, [claim("a", 6, 11)], null, null);
    expect(ranges(set, doc)).toEqual([{ id: "a", from: 7, to: 12, text: "world" }]);
  });

  it("covers a claim across two paragraphs, split per paragraph when rendered", () => {
    const text = "Hello world\nSecond line here";
    const { doc, map } = setup(text);
    const set = buildClaimDecorations(doc, map, [claim("a", 6, 18)], null, null);
    expect(ranges(set, doc)).toEqual([{ id: "a", from: 7, to: 20, text: "world\nSecond" }]);
    // What the view draws inside each paragraph (positions relative to its content).
    const p0 = (set.forChild(0, doc.child(0)) as DecorationSet).find(0, doc.child(0).content.size);
    const p1 = (set.forChild(doc.child(0).nodeSize, doc.child(1)) as DecorationSet).find(0, doc.child(1).content.size);
    expect(p0.map((d) => [d.from, d.to])).toEqual([[6, 11]]);
    expect(p1.map((d) => [d.from, d.to])).toEqual([[0, 6]]);
  });

  it("keeps both nested claims", () => {
    const text = "The minister said unemployment fell 3% in 2024.";
    const { doc, map } = setup(text);
    const outer = claim("outer", 0, 47);
    const inner = claim("inner", 18, 38, { verdict: "disputed" });
    const got = ranges(buildClaimDecorations(doc, map, [outer, inner], null, null), doc);
    expect(got).toEqual([
      { id: "outer", from: 1, to: 48, text },
      { id: "inner", from: 19, to: 39, text: "unemployment fell 3%" },
    ]);
  });

  it("keeps both overlapping claims", () => {
    const text = "The minister said unemployment fell 3% in 2024.";
    const { doc, map } = setup(text);
    const got = ranges(buildClaimDecorations(doc, map, [claim("b", 13, 35), claim("a", 4, 30)], null, null), doc);
    expect(got).toEqual([
      { id: "a", from: 5, to: 31, text: "minister said unemployment" },
      { id: "b", from: 14, to: 36, text: "said unemployment fell" },
    ]);
  });

  it("counts a non-BMP character before the claim as one code point", () => {
    const text = "Intro 𝕏\n𝕏 posts: the claim here";
    const { doc, map } = setup(text);
    // Line 2 starts at cp 8; "the claim" is at cp 8 + 9.
    const got = ranges(buildClaimDecorations(doc, map, [claim("x", 17, 26)], null, null), doc);
    expect(got).toEqual([{ id: "x", from: 21, to: 30, text: "the claim" }]);
  });

  it("skips empty and reversed spans", () => {
    const { doc, map } = setup("Some text");
    const set = buildClaimDecorations(doc, map, [claim("e", 3, 3), claim("r", 5, 2)], null, null);
    expect(set.find()).toEqual([]);
  });

  it("sets the verdict, state, selection and flash classes on a <mark> per claim", () => {
    const { doc, map } = setup("One two three four");
    const claims = [
      claim("v", 0, 3),
      claim("d", 4, 7, { verdict: "disputed", state: "pending" }),
      claim("u", 8, 13, { verdict: "unsourced", state: "failed" }),
    ];
    const set = buildClaimDecorations(doc, map, claims, "d", "u");
    const byId = new Map(set.find().map((d) => [d.spec.claimId as string, attrs(d)]));
    expect(byId.get("v")).toEqual({
      nodeName: "mark",
      class: "claim-hl claim-hl--verified",
      "data-claim-id": "v",
      "data-verdict": "verified",
      tabindex: "0",
      role: "button",
      "aria-label": "Verified claim: “One”",
    });
    expect(byId.get("d")?.class).toBe("claim-hl claim-hl--disputed is-selected is-pending");
    expect(byId.get("u")?.class).toBe("claim-hl claim-hl--unsourced is-failed is-flashing");
  });
});

describe("keyboard: one focusable piece per claim", () => {
  it("makes the first piece of each claim focusable and names it by verdict and opening words, in text order", () => {
    const text = "The minister said unemployment fell 3% in 2024.\nSecond paragraph goes on.";
    const { doc, map } = setup(text);
    const claims = [
      claim("inner", 18, 38, { verdict: "disputed" }),
      claim("outer", 0, 47, { verdict: "unsourced" }),
      claim("across", 42, 54),
      claim("gone", 4, 12, { state: "rejected" }),
    ];
    const set = buildClaimDecorations(doc, map, claims, null, null);
    expect(firstPieces(set, doc)).toEqual([
      { id: "outer", text: "The ", name: "Unsourced claim: “The”" },
      { id: "gone", text: "minister", name: "Rejected cluster: “minister”" },
      { id: "inner", text: "unemployment fell 3%", name: "Disputed claim: “unemployment fell 3%”" },
      { id: "across", text: "2024.", name: "Verified claim: “2024.”" },
    ]);
    // Only the first piece is a tab stop: the rest of each claim is drawn without one.
    for (const d of set.find()) expect(attrs(d).tabindex === "0").toBe(!!d.spec.first);
    expect(set.find().filter((d) => d.spec.first)).toHaveLength(4);
  });

  it("quotes at most 80 characters of a long opening", () => {
    const words = "word ".repeat(40).trim();
    const { doc, map } = setup(words);
    const [piece] = firstPieces(buildClaimDecorations(doc, map, [claim("long", 0, words.length)], null, null), doc);
    expect(piece!.name).toBe(`Verified claim: “${words.slice(0, 80).trimEnd()}…”`);
  });
});

describe("claimsAt / pickClaim", () => {
  const inner = claim("inner", 10, 15);
  const mid = claim("mid", 5, 20);
  const outer = claim("outer", 0, 30);
  const other = claim("other", 25, 35);
  const claims = [outer, other, inner, mid];

  it("lists the claims covering a code point, innermost first (half-open spans)", () => {
    expect(claimsAt(claims, 12).map((c) => c.id)).toEqual(["inner", "mid", "outer"]);
    expect(claimsAt(claims, 15).map((c) => c.id)).toEqual(["mid", "outer"]);
    expect(claimsAt(claims, 27).map((c) => c.id)).toEqual(["other", "outer"]);
    expect(claimsAt(claims, 40)).toEqual([]);
  });

  it("picks the innermost, then cycles outwards on repeated clicks and wraps", () => {
    const here = claimsAt(claims, 12);
    expect(pickClaim(here, null)?.id).toBe("inner");
    expect(pickClaim(here, "other")?.id).toBe("inner");
    expect(pickClaim(here, "inner")?.id).toBe("mid");
    expect(pickClaim(here, "mid")?.id).toBe("outer");
    expect(pickClaim(here, "outer")?.id).toBe("inner");
    expect(pickClaim([], null)).toBeNull();
  });
});

describe("plugin state", () => {
  it("applies partial updates, marks the flashed claim, and remaps on doc change", () => {
    const onClick: string[] = [];
    const plugin = createClaimHighlightsPlugin({ onClaimClick: (id) => onClick.push(id) });
    const { doc } = setup("Alpha beta\ngamma");
    let state = EditorState.create({ doc, plugins: [plugin] });
    const get = () => claimHighlightsKey.getState(state)!;
    expect(get().text).toBe("Alpha beta\ngamma");

    state = state.apply(state.tr.setMeta(claimHighlightsKey, { claims: [claim("a", 6, 10)], selectedId: "a" }));
    expect(get().decorations.find().length).toBe(1);
    expect(get().selectedId).toBe("a");

    state = state.apply(state.tr.setMeta(claimHighlightsKey, { flash: { id: "a" } }));
    expect(get()).toMatchObject({ flashId: "a", selectedId: "a" });
    expect(attrs(get().decorations.find()[0]!).class).toContain("is-flashing");
    state = state.apply(state.tr.setMeta(claimHighlightsKey, { flash: null }));
    expect(get().flashId).toBeNull();

    const next = schema.nodeFromJSON(textToDocJson("𝕏 Alpha beta"));
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, next.content));
    expect(get().text).toBe("𝕏 Alpha beta");
    const [d] = get().decorations.find();
    expect(state.doc.textBetween(d!.from, d!.to)).toBe("a be");
  });
});

describe("the viewer's document: lines in groups (line-groups.ts)", () => {
  const grouped = getSchema([StarterKit.configure({ document: false }), GroupedDocument, LineGroup]);
  const text = "The minister said unemployment fell 3% in 2024.\nSecond paragraph goes on.\nThird line.\n\nFifth, after an empty one.";

  it("draws each claim on its own words, across lines and groups, and ends a first piece at its line's end", () => {
    const doc = grouped.nodeFromJSON(groupLines(textToDocJson(text), 2));
    expect(doc.childCount).toBe(3);
    const plugin = createClaimHighlightsPlugin({
      onClaimClick: () => {},
      // "fell 3%", "goes on.\nThird" (across groups 0 and 1), and "Fifth" (group 2)
      initial: () => ({ claims: [claim("a", 31, 38), claim("b", 65, 79), claim("c", 87, 92)], selectedId: null }),
    });
    const state = EditorState.create({ doc, plugins: [plugin] });
    const s = claimHighlightsKey.getState(state)!;
    expect(s.text).toBe(text);
    expect(ranges(s.decorations, doc).map((r) => [r.id, r.text])).toEqual([
      ["a", "fell 3%"],
      ["b", "goes on.\nThird"],
      ["c", "Fifth"],
    ]);
    expect(firstPieces(s.decorations, doc).map((p) => [p.id, p.text])).toEqual([
      ["a", "fell 3%"],
      ["b", "goes on."],
      ["c", "Fifth"],
    ]);
    // A selection maps back to the text through the same map.
    expect(s.map.pmToCp(s.map.cpToPm(79))).toBe(79);
  });
});

describe("drawing only what changed", () => {
  /** Each decoration as the view draws it: range, spec and attributes, in a stable order. */
  const drawn = (set: DecorationSet) =>
    set
      .find()
      .map((d) => JSON.stringify([d.from, d.to, d.spec, attrs(d)]))
      .sort();

  it("gives the set a full build gives, through selections, flashes, edits, new, moved and removed claims", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const text = Array.from({ length: 30 }, (_, i) => `Line ${i} 𝕏 says the ministry cut 40% of the budget in ${2000 + i}.`).join("\n");
    const length = [...text].length;
    const verdicts = ["verified", "disputed", "unsourced"] as const;
    const random = (id: string): HighlightClaim => {
      const start = Math.floor(rand() * (length - 80));
      return claim(id, start, start + 1 + Math.floor(rand() * 80), { verdict: verdicts[Math.floor(rand() * 3)] });
    };
    let claims = Array.from({ length: 60 }, (_, i) => random(`c${i}`));
    const plugin = createClaimHighlightsPlugin({ onClaimClick: () => {} });
    let state = EditorState.create({ doc: setup(text).doc, plugins: [plugin] });
    state = state.apply(state.tr.setMeta(claimHighlightsKey, { claims }));
    let next = 60;
    for (let step = 0; step < 200; step++) {
      const pick = claims[Math.floor(rand() * claims.length)]!;
      const r = rand();
      let update: Partial<ClaimHighlightInput>;
      if (r < 0.2) update = { selectedId: rand() < 0.2 ? null : pick.id };
      else if (r < 0.35) update = { flash: rand() < 0.3 ? null : { id: pick.id } };
      else {
        claims = claims.slice();
        const i = claims.indexOf(pick);
        if (r < 0.5) claims[i] = { ...pick, verdict: verdicts[(verdicts.indexOf(pick.verdict) + 1) % 3] };
        else if (r < 0.6) claims[i] = { ...pick, state: rand() < 0.5 ? "pending" : "failed" };
        else if (r < 0.75) claims[i] = { ...random(pick.id) };
        else if (r < 0.87) claims.push(random(`c${next++}`));
        else claims.splice(i, 1);
        update = { claims };
      }
      state = state.apply(state.tr.setMeta(claimHighlightsKey, update));
      const s = claimHighlightsKey.getState(state)!;
      const full = buildClaimDecorations(state.doc, s.map, s.claims, s.selectedId, s.flashId);
      expect(drawn(s.decorations), `step ${step}`).toEqual(drawn(full));
    }
  });

  it("keeps the set as it was when nothing it draws changed", () => {
    const plugin = createClaimHighlightsPlugin({ onClaimClick: () => {} });
    let state = EditorState.create({ doc: setup("Alpha beta gamma").doc, plugins: [plugin] });
    state = state.apply(state.tr.setMeta(claimHighlightsKey, { claims: [claim("a", 0, 5), claim("b", 6, 10)] }));
    const before = claimHighlightsKey.getState(state)!.decorations;
    // A new list with equal claims (a refetch), and a selection of a claim not drawn.
    state = state.apply(state.tr.setMeta(claimHighlightsKey, { claims: [claim("a", 0, 5), claim("b", 6, 10)], selectedId: "zz" }));
    expect(claimHighlightsKey.getState(state)!.decorations).toBe(before);
  });

  it("keeps its whole state when only the text selection moves (each step of a selection drag)", () => {
    const plugin = createClaimHighlightsPlugin({
      onClaimClick: () => {},
      initial: () => ({ claims: [claim("a", 0, 5)], selectedId: null }),
    });
    let state = EditorState.create({ doc: setup("Alpha beta gamma").doc, plugins: [plugin] });
    const before = claimHighlightsKey.getState(state);
    for (const head of [3, 7, 12]) state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, head)));
    expect(claimHighlightsKey.getState(state)).toBe(before);
  });
});

describe("performance", () => {
  it("builds 1,000 claims over a 50,000-character, ~250-paragraph article in < 150 ms", () => {
    // Deterministic PRNG so the figure is comparable between runs.
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const words = ["the", "minister", "said", "unemployment", "fell", "by", "3%", "in", "2024", "according", "to", "data", "𝕏", "reports"];
    const lines: string[] = [];
    let length = 0;
    while (length < 50_000) {
      let line = "";
      while (line.length < 150 + rand() * 100) line += (line ? " " : "") + words[Math.floor(rand() * words.length)];
      lines.push(line);
      length += line.length + 1;
    }
    const text = lines.join("\n");
    const cpLength = [...text].length;
    const claims: HighlightClaim[] = Array.from({ length: 1000 }, (_, i) => {
      const start = Math.floor(rand() * (cpLength - 400));
      const verdicts = ["verified", "disputed", "unsourced"] as const;
      return claim(`c${i}`, start, start + 5 + Math.floor(rand() * 400), { verdict: verdicts[i % 3] });
    });
    const doc = schema.nodeFromJSON(textToDocJson(text));

    const run = () => {
      const t0 = performance.now();
      const map = new TextPmMap(docText(doc));
      const set = buildClaimDecorations(doc, map, claims, "c1", "c2");
      return { ms: performance.now() - t0, set };
    };
    const cold = run();
    const warm = run();
    console.log(
      `claim decorations: ${claims.length} claims, ${text.length} UTF-16 units, ${lines.length} paragraphs: ` +
        `cold ${cold.ms.toFixed(1)} ms, warm ${warm.ms.toFixed(1)} ms (map + DecorationSet)`,
    );
    expect(text.length).toBeGreaterThanOrEqual(50_000);
    expect(lines.length).toBeGreaterThan(200);
    expect(new Set(cold.set.find().map((d) => d.spec.claimId)).size).toBe(1000);
    expect(cold.ms).toBeLessThan(150);
  });
});
