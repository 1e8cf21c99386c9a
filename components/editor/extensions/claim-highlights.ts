/**
 * Claim highlights for the read-only article viewer.
 *
 * Claims are painted as ProseMirror *decorations* computed from their
 * code-point offsets, never as marks: the document stays the canonical text,
 * so offsets never drift and overlapping claims cost nothing in the schema.
 * Each claim is its own `<mark>` (decoration `nodeName`), so PM nests the
 * elements of overlapping or nested claims instead of merging their attributes.
 *
 * Keyboard: the first piece of each claim (up to the first place another
 * claim starts or ends, or its paragraph ends) is a focusable button named
 * by its verdict and its opening words ("Disputed claim: “hundreds of
 * tanks…”"), so Tab visits every claim once, in text order; Enter or Space
 * selects it as a click does. A decoration change (selecting, flashing, a
 * live update) redraws the `<mark>`; the focus follows the claim to its new
 * element instead of falling back to the page.
 */

import { VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import type { LineKind } from "@/lib/schemas/article";
import { upperBound } from "@/lib/anchoring/sorted-search";
import { Extension, type Editor, type JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { TextPmMap } from "../../../lib/anchoring/prosemirror-positions";
import { linesPerGroupOf } from "./line-groups";

/** A claim's verdict, drawn with a colour and a non-colour cue (underline style). */

/** A claim as the highlighter needs it: [start, end) in code points of the canonical text. */
export type HighlightClaim = {
  id: string;
  start: number;
  end: number;
  verdict: Verdict;
  /**
   * 'pending' while an optimistic save is in flight, 'failed' when it did not stick,
   * 'rejected' for a review cluster the adjudicator decided is not a claim (drawn struck through, without a verdict colour).
   */
  state?: "saved" | "pending" | "failed" | "rejected";
};

/** The part of the plugin state the host sets (all fields optional in an update). */
export type ClaimHighlightInput = {
  claims: readonly HighlightClaim[];
  selectedId: string | null;
  /** The claim being flashed: its marks say `is-flashing` (the glow itself is an overlay, ../claim-flash.ts). */
  flash: { id: string } | null;
};

/** Plugin state: the inputs, plus what is derived from them and the doc. */
export type ClaimHighlightState = {
  claims: readonly HighlightClaim[];
  selectedId: string | null;
  flashId: string | null;
  /** Canonical text of the doc and its position map, rebuilt only when the doc changes. */
  text: string;
  map: TextPmMap;
  decorations: DecorationSet;
  /** Where the claims sit in the doc (see {@link ClaimGeometry}); kept while the claims and the doc are the same. */
  geometry?: ClaimGeometry;
};

/**
 * The claims' places in one doc: each claim's span in PM positions (by id),
 * every place a claim starts or ends, and where each paragraph ends; a
 * claim's focusable first piece ends at the first of these after its start.
 */
type ClaimGeometry = {
  claims: readonly HighlightClaim[];
  doc: PmNode;
  /** The doc's canonical text and its map (a claim's opening words are read from the text, not walked for in the doc). */
  text: string;
  map: TextPmMap;
  spans: { c: HighlightClaim; from: number; to: number }[];
  byId: Map<string, { c: HighlightClaim; from: number; to: number }>;
  cuts: number[];
  paragraphEnds: number[];
};

/** Options of the {@link ClaimHighlights} extension. */
export type ClaimHighlightsOptions = {
  /** Called with the claim to select when the user clicks highlighted text. */
  onClaimClick: (id: string) => void;
  /**
   * The claims to draw from the first state on, so the editor's first paint
   * already has its highlights (the page showed them before it mounted).
   */
  initial?: () => Pick<ClaimHighlightInput, "claims" | "selectedId">;
};

/** Key of the claim highlight plugin (read its state with `claimHighlightsKey.getState(state)`). */
export const claimHighlightsKey = new PluginKey<ClaimHighlightState>("claimHighlights");

/**
 * Canonical text of a one-paragraph-per-line doc: textblocks joined by '\n'
 * (empty paragraphs included, which is what `textBetween` does with a block separator).
 */
export function docText(doc: PmNode): string {
  return doc.textBetween(0, doc.content.size, "\n");
}

/** The position map of a doc whose canonical text is `text`: its lines alone, or in groups (extensions/line-groups.ts). */
export function docMap(doc: PmNode, text = docText(doc)): TextPmMap {
  return new TextPmMap(text, linesPerGroupOf(doc));
}

/**
 * The doc JSON for a canonical text: one paragraph per line, text nodes only,
 * so the text is never parsed as HTML or markdown; with `kinds`, each
 * paragraph that is not a plain one carries its line's kind (presentation only).
 */
export function textToDocJson(text: string, kinds?: readonly LineKind[] | null): JSONContent {
  return {
    type: "doc",
    content: text.split("\n").map((line, i) => ({
      type: "paragraph",
      // Only a schema with the `kind` attribute (the viewer's, extensions/line-kinds.ts) is given kinds.
      ...(kinds && kinds[i] && kinds[i] !== "paragraph" ? { attrs: { kind: kinds[i] } } : {}),
      content: line ? [{ type: "text", text: line }] : [],
    })),
  };
}

/** Shortest first, so the innermost claim comes first; ties are stable by start then id. */
function byInnermost(a: HighlightClaim, b: HighlightClaim): number {
  return a.end - a.start - (b.end - b.start) || b.start - a.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Claims covering the character at code point `cp` (start <= cp < end),
 * innermost (shortest) first.
 */
export function claimsAt(claims: readonly HighlightClaim[], cp: number): HighlightClaim[] {
  return claims.filter((c) => c.start <= cp && cp < c.end).sort(byInnermost);
}

/**
 * Which claim a click selects among the claims under the pointer (innermost
 * first): the innermost, or, when one of them is already selected, the next
 * enclosing one (wrapping round), so repeated clicks reach every overlapping claim.
 */
export function pickClaim(candidates: readonly HighlightClaim[], selectedId: string | null): HighlightClaim | null {
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort(byInnermost);
  const i = selectedId === null ? -1 : sorted.findIndex((c) => c.id === selectedId);
  return sorted[(i + 1) % sorted.length] ?? null;
}

/**
 * The attributes of a claim's `<mark>`: its verdict class and id, and whether
 * it is selected, pending, failed or flashing. One definition for the
 * decorations and for the highlights drawn without the editor (highlight-runs.ts).
 */
export function claimMarkAttrs(c: HighlightClaim, selectedId: string | null, flashId: string | null): Record<string, string> {
  let cls = `claim-hl claim-hl--${c.verdict}`;
  if (c.id === selectedId) cls += " is-selected";
  if (c.state === "pending") cls += " is-pending";
  else if (c.state === "failed") cls += " is-failed";
  else if (c.state === "rejected") cls += " is-rejected";
  const attrs: Record<string, string> = { class: cls, "data-claim-id": c.id, "data-verdict": c.verdict };
  if (c.state === "rejected") attrs["data-state"] = "rejected";
  if (c.id === flashId) attrs.class += " is-flashing";
  return attrs;
}

/**
 * The attributes of a server-rendered highlight (components/editor/extensions/highlight-runs.ts): the editor's, less
 * `data-verdict`, which repeats the class's verdict modifier (the class is what paints it) and was 430 KB of the first
 * HTML at 5,000 claims. The editor's marks keep it.
 */
export function plainMarkAttrs(c: HighlightClaim, selectedId: string | null): Record<string, string> {
  const attrs = claimMarkAttrs(c, selectedId, null);
  delete attrs["data-verdict"];
  return attrs;
}

/** How many code points of a claim's opening words its accessible name quotes. */
const NAME_WORDS = 80;

/** The accessible name of a claim's focusable highlight: its verdict (or that it was rejected) and its opening words. */
export function claimHighlightName(c: HighlightClaim, opening: string): string {
  const words = opening.replace(/\s+/g, " ").trim();
  // No more UTF-16 units than NAME_WORDS: no more code points either, and nothing to cut.
  const chars = words.length > NAME_WORDS ? [...words] : null;
  const quote = chars && chars.length > NAME_WORDS ? `${chars.slice(0, NAME_WORDS).join("").trimEnd()}…` : words;
  const what = c.state === "rejected" ? "Rejected cluster" : `${VERDICT_LABELS[c.verdict]} claim`;
  return `${what}: “${quote}”`;
}

/** The first position after `from` in the sorted `cuts` (binary search), or Infinity. */
function nextCut(cuts: readonly number[], from: number): number {
  return cuts[upperBound(cuts, from)] ?? Infinity;
}

function geometryOf(doc: PmNode, text: string, map: TextPmMap, claims: readonly HighlightClaim[]): ClaimGeometry {
  const spans = claims.map((c) => ({ c, from: map.cpToPm(c.start), to: map.cpToPm(c.end) })).filter((s) => s.to > s.from);
  // Where PM cuts a claim's <mark> into pieces: wherever another claim starts or ends, and at each paragraph's end.
  const cuts = [...new Set(spans.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  const paragraphEnds: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) paragraphEnds.push(pos + 1 + node.content.size);
    return !node.isTextblock;
  });
  return { claims, doc, text, map, spans, byId: new Map(spans.map((s) => [s.c.id, s])), cuts, paragraphEnds };
}

/** The decorations of one claim: its focusable first piece, and the rest. */
function claimDecorations(
  g: ClaimGeometry,
  { c, from, to }: { c: HighlightClaim; from: number; to: number },
  selectedId: string | null,
  flashId: string | null,
): Decoration[] {
  const attrs = { nodeName: "mark", ...claimMarkAttrs(c, selectedId, flashId) };
  const firstEnd = Math.min(to, nextCut(g.cuts, from), nextCut(g.paragraphEnds, from));
  // A few more characters than the name quotes: enough to know it was cut.
  const name = claimHighlightName(c, g.text.slice(g.map.pmToUtf16(from), g.map.pmToUtf16(Math.min(firstEnd, from + NAME_WORDS * 2 + 2))));
  const first = Decoration.inline(
    from,
    firstEnd,
    { ...attrs, tabindex: "0", role: "button", "aria-label": name },
    { claimId: c.id, first: true },
  );
  return to > firstEnd ? [first, Decoration.inline(firstEnd, to, attrs, { claimId: c.id })] : [first];
}

/**
 * Build the DecorationSet for `claims` over `doc` in one pass. `map` must be the
 * TextPmMap of the doc's canonical text. Empty or reversed spans are skipped;
 * out-of-range offsets are clamped by the map.
 */
export function buildClaimDecorations(
  doc: PmNode,
  map: TextPmMap,
  claims: readonly HighlightClaim[],
  selectedId: string | null,
  flashId: string | null,
): DecorationSet {
  return buildWith(geometryOf(doc, docText(doc), map, claims), selectedId, flashId);
}

function buildWith(g: ClaimGeometry, selectedId: string | null, flashId: string | null): DecorationSet {
  return DecorationSet.create(
    g.doc,
    g.spans.flatMap((s) => claimDecorations(g, s, selectedId, flashId)),
  );
}

/** Past this many claims changed at once, drawing every claim again is about as quick. */
const REDRAW_LIMIT = 200;

const sameSpan = (a: HighlightClaim, b: HighlightClaim) => a.start === b.start && a.end === b.end;
const sameLook = (a: HighlightClaim, b: HighlightClaim) => sameSpan(a, b) && a.verdict === b.verdict && a.state === b.state;

/**
 * The claims whose decorations differ between `prev` and `next` (same doc):
 * those added, removed or changed, the old and new selected and flashing
 * claims, and every claim a moved boundary falls inside (its first piece
 * ends at the next boundary). Null when the lists cannot be compared by id
 * or too many changed: then everything is drawn again.
 */
function claimsToRedraw(prev: ClaimHighlightState, next: Omit<ClaimHighlightState, "decorations">): Set<string> | null {
  const ids = new Set<string>();
  if (prev.selectedId !== next.selectedId) for (const id of [prev.selectedId, next.selectedId]) if (id !== null) ids.add(id);
  if (prev.flashId !== next.flashId) for (const id of [prev.flashId, next.flashId]) if (id !== null) ids.add(id);
  if (prev.claims === next.claims) return ids;
  const before = new Map(prev.claims.map((c) => [c.id, c]));
  if (before.size !== prev.claims.length || new Set(next.claims.map((c) => c.id)).size !== next.claims.length) return null;
  const moved: number[] = [];
  for (const c of next.claims) {
    const old = before.get(c.id);
    before.delete(c.id);
    if (old && sameLook(old, c)) continue;
    ids.add(c.id);
    if (!old || !sameSpan(old, c)) moved.push(c.start, c.end, ...(old ? [old.start, old.end] : []));
  }
  for (const old of before.values()) {
    ids.add(old.id);
    moved.push(old.start, old.end);
  }
  if (ids.size > REDRAW_LIMIT) return null;
  if (moved.length) for (const c of next.claims) if (moved.some((b) => c.start < b && b < c.end)) ids.add(c.id);
  return ids.size > REDRAW_LIMIT ? null : ids;
}

/**
 * The state's decorations after an update that left the doc as it was:
 * only the claims that look different are drawn again (a click selecting a
 * claim, a flash, a live event patching one claim), so an article of 5,000
 * claims does not rebuild 10,000 decorations for each; the result is the
 * set a full build would give.
 */
function redraw(prev: ClaimHighlightState, next: Omit<ClaimHighlightState, "decorations">, doc: PmNode): ClaimHighlightState {
  const ids = claimsToRedraw(prev, next);
  const before = prev.geometry?.doc === doc && prev.geometry.claims === prev.claims ? prev.geometry : undefined;
  if (!ids || !before) return rebuild(next, doc);
  const g = next.claims === before.claims ? before : geometryOf(doc, next.text, next.map, next.claims);
  // Two claims under one id (a draft and its saved claim, for a moment): drawn again whole.
  if (before.byId.size !== before.spans.length || g.byId.size !== g.spans.length) return rebuild(next, doc);
  if (ids.size === 0) return { ...next, geometry: g, decorations: prev.decorations };
  const old: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const id of ids) {
    const was = before.byId.get(id);
    if (was) old.push(...prev.decorations.find(was.from, was.to, (spec: { claimId?: string }) => spec.claimId === id));
    const now = g.byId.get(id);
    if (now) fresh.push(...claimDecorations(g, now, next.selectedId, next.flashId));
  }
  return { ...next, geometry: g, decorations: prev.decorations.remove(old).add(doc, fresh) };
}

function rebuild(s: Omit<ClaimHighlightState, "decorations">, doc: PmNode): ClaimHighlightState {
  const geometry = geometryOf(doc, s.text, s.map, s.claims);
  return { ...s, geometry, decorations: buildWith(geometry, s.selectedId, s.flashId) };
}

/** Claim ids of the `<mark>`s around a click target, or null when the target is not in the view. */
function claimIdsAround(target: EventTarget | null, root: HTMLElement): Set<string> | null {
  const el = target as HTMLElement | null;
  if (!el || typeof el.getAttribute !== "function" || !root.contains(el)) return null;
  const ids = new Set<string>();
  for (let node: HTMLElement | null = el; node && node !== root; node = node.parentElement) {
    const id = node.getAttribute("data-claim-id");
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** The claim of a focusable highlight, or null for anything else. */
function focusableClaimId(target: EventTarget | null): string | null {
  const el = target as HTMLElement | null;
  if (!el || typeof el.getAttribute !== "function" || el.getAttribute("tabindex") === null) return null;
  return el.getAttribute("data-claim-id");
}

/**
 * The ProseMirror plugin behind {@link ClaimHighlights} (exported for tests and
 * for non-tiptap hosts): holds {@link ClaimHighlightState}, updated through a
 * `claimHighlightsKey` meta holding a `Partial<ClaimHighlightInput>`.
 */
export function createClaimHighlightsPlugin(options: ClaimHighlightsOptions): Plugin<ClaimHighlightState> {
  function handleHighlightClick(view: EditorView, pos: number, event: MouseEvent): boolean {
    const s = claimHighlightsKey.getState(view.state);
    if (!s || s.claims.length === 0) return false;
    // The DOM knows exactly which character was hit; `pos` is only the nearest
    // gap between characters, so it is the fallback (no DOM target).
    const ids = claimIdsAround(event.target, view.dom);
    const candidates = ids ? s.claims.filter((c) => ids.has(c.id)) : claimsAt(s.claims, s.map.pmToCp(pos));
    const next = pickClaim(candidates, s.selectedId);
    if (!next) return false;
    options.onClaimClick(next.id);
    return true;
  }

  /** The claim whose highlight has the keyboard focus; kept while PM redraws its element, cleared by a pointer or a move elsewhere. */
  let focusedClaim: string | null = null;

  return new Plugin<ClaimHighlightState>({
    key: claimHighlightsKey,
    state: {
      init: (_config, state) => {
        const text = docText(state.doc);
        const first = options.initial?.() ?? { claims: [], selectedId: null };
        const base = { claims: first.claims, selectedId: first.selectedId, flashId: null };
        return rebuild({ ...base, text, map: docMap(state.doc, text) }, state.doc);
      },
      apply: (tr, prev, _old, next) => {
        const update = tr.getMeta(claimHighlightsKey) as Partial<ClaimHighlightInput> | undefined;
        if (!update && !tr.docChanged) return prev;
        const s = { ...prev };
        if (tr.docChanged) {
          s.text = docText(next.doc);
          s.map = docMap(next.doc, s.text);
        }
        if (update?.claims !== undefined) s.claims = update.claims;
        if (update?.selectedId !== undefined) s.selectedId = update.selectedId;
        if (update?.flash !== undefined) s.flashId = update.flash?.id ?? null;
        return tr.docChanged ? rebuild(s, next.doc) : redraw(prev, s, next.doc);
      },
    },
    view: (editorView) => {
      const forget = () => (focusedClaim = null);
      document.addEventListener("pointerdown", forget, true);
      // A press on a focusable highlight would focus it, and Chromium then starts no text selection: a
      // drag across a claim's words (to tag or re-place on them) selected nothing. For the press, the
      // highlights under the pointer stop being focusable; they are again once the button is released.
      const unfocusable: Element[] = [];
      const restore = () => {
        for (const el of unfocusable.splice(0)) el.setAttribute("tabindex", "0");
      };
      const onMouseDown = (event: MouseEvent) => {
        if (event.button !== 0) return;
        restore();
        for (let el = event.target as Element | null; el && el !== editorView.dom; el = el.parentElement) {
          if (el.tagName === "MARK" && el.getAttribute("tabindex") !== null) {
            el.removeAttribute("tabindex");
            unfocusable.push(el);
          }
        }
        if (unfocusable.length) document.addEventListener("mouseup", restore, { capture: true, once: true });
      };
      editorView.dom.addEventListener("mousedown", onMouseDown, true);
      return {
        update: (view) => {
          if (!focusedClaim || view.dom.contains(document.activeElement)) return;
          // Focus fell to the page because the claim's element was redrawn: give it to the new one.
          if (document.activeElement && document.activeElement !== document.body) return void forget();
          const el = view.dom.querySelector<HTMLElement>(`mark[tabindex][data-claim-id="${CSS.escape(focusedClaim)}"]`);
          el?.focus({ preventScroll: true });
        },
        destroy: () => {
          document.removeEventListener("pointerdown", forget, true);
          editorView.dom.removeEventListener("mousedown", onMouseDown, true);
          document.removeEventListener("mouseup", restore, true);
        },
      };
    },
    props: {
      decorations: (state) => claimHighlightsKey.getState(state)?.decorations,
      handleDOMEvents: {
        focusin: (_view, event) => {
          focusedClaim = focusableClaimId(event.target);
          return false;
        },
        keydown: (_view, event) => {
          const id = focusableClaimId(event.target);
          if (!id || (event.key !== "Enter" && event.key !== " ") || event.ctrlKey || event.metaKey || event.altKey) return false;
          event.preventDefault();
          options.onClaimClick(id);
          return true;
        },
      },
      handleClick: handleHighlightClick,
      // ProseMirror reports a quick second or third click as a double or triple
      // click instead; on a highlight it must cycle the same way.
      handleDoubleClick: handleHighlightClick,
      handleTripleClick: handleHighlightClick,
    },
  });
}

/**
 * Tiptap extension that draws claims as decorations and reports clicks on
 * them. Feed it with {@link setClaimHighlights}.
 */
export const ClaimHighlights = Extension.create<ClaimHighlightsOptions>({
  name: "claimHighlights",
  addOptions() {
    return { onClaimClick: () => {}, initial: undefined };
  },
  addProseMirrorPlugins() {
    return [createClaimHighlightsPlugin(this.options)];
  },
});

/**
 * Update the highlighted claims, the selected claim and/or the flashing claim
 * (fields left out are kept). One transaction, kept out of the undo history.
 */
export function setClaimHighlights(editor: Editor, update: Partial<ClaimHighlightInput>): void {
  if (editor.isDestroyed) return;
  const tr = editor.state.tr.setMeta(claimHighlightsKey, update).setMeta("addToHistory", false);
  editor.view.dispatch(tr);
}
