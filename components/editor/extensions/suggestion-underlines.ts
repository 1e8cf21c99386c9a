/**
 * Suggested claims as faint dotted underlines in the read-only
 * article viewer, and a span located from another article ("open at the
 * sentence"), as decorations from code-point offsets, like
 * claim-highlights.ts. They are drawn under claim highlights and never take
 * a click that lands on a claim: the claim plugin comes first and claims it.
 * Hovering shows the reasons (`title`); a click reports the suggestion.
 */
import { Extension, type Editor } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { TextPmMap } from "../../../lib/anchoring/prosemirror-positions";
import { docMap } from "./claim-highlights";

/** A suggestion as the underliner needs it: [start, end) in code points, and the hover text. */
export type UnderlineSuggestion = { start: number; end: number; title: string };

export type SuggestionUnderlineInput = {
  suggestions: readonly UnderlineSuggestion[];
  /** A span to mark as "here" (opened from another article), or null. */
  located: { start: number; end: number } | null;
};

type State = SuggestionUnderlineInput & { map: TextPmMap; decorations: DecorationSet };

export type SuggestionUnderlinesOptions = {
  /** Called with the suggestion under a click and the viewport rect of the clicked element. */
  onSuggestionClick: (s: UnderlineSuggestion, rect: { top: number; left: number; bottom: number; right: number }) => void;
};

export const suggestionUnderlinesKey = new PluginKey<State>("suggestionUnderlines");

/** The decorations of the suggestions and the located span over `doc`. */
export function buildSuggestionDecorations(doc: PmNode, map: TextPmMap, input: SuggestionUnderlineInput): DecorationSet {
  const decos: Decoration[] = [];
  input.suggestions.forEach((s, i) => {
    const from = map.cpToPm(s.start);
    const to = map.cpToPm(s.end);
    if (to > from) {
      decos.push(
        Decoration.inline(
          from,
          to,
          { nodeName: "span", class: "suggestion-ul", title: s.title, "data-suggestion": String(i), "data-testid": "suggestion" },
          { suggestion: i },
        ),
      );
    }
  });
  if (input.located) {
    const from = map.cpToPm(input.located.start);
    const to = map.cpToPm(input.located.end);
    if (to > from) decos.push(Decoration.inline(from, to, { nodeName: "span", class: "located-hl", "data-located": "true" }));
  }
  return DecorationSet.create(doc, decos);
}

function createPlugin(options: SuggestionUnderlinesOptions): Plugin<State> {
  const handleClick = (view: EditorView, _pos: number, event: MouseEvent) => {
    const s = suggestionUnderlinesKey.getState(view.state);
    const el = (event.target as HTMLElement | null)?.closest?.("[data-suggestion]");
    if (!s || !el || !view.dom.contains(el)) return false;
    // A real selection made across a suggestion is for tagging, not a click on it.
    if (!view.state.selection.empty) return false;
    const found = s.suggestions[Number(el.getAttribute("data-suggestion"))];
    if (!found) return false;
    options.onSuggestionClick(found, el.getBoundingClientRect());
    return true;
  };
  return new Plugin<State>({
    key: suggestionUnderlinesKey,
    state: {
      init: (_c, state) => {
        const map = docMap(state.doc);
        const input = { suggestions: [], located: null };
        return { ...input, map, decorations: buildSuggestionDecorations(state.doc, map, input) };
      },
      apply: (tr, prev, _old, next) => {
        const update = tr.getMeta(suggestionUnderlinesKey) as Partial<SuggestionUnderlineInput> | undefined;
        if (!update && !tr.docChanged) return prev;
        const s = { ...prev, ...update };
        if (tr.docChanged) s.map = docMap(next.doc);
        return { ...s, decorations: buildSuggestionDecorations(next.doc, s.map, s) };
      },
    },
    props: {
      decorations: (state) => suggestionUnderlinesKey.getState(state)?.decorations,
      handleClick,
    },
  });
}

/** Tiptap extension for suggestion underlines; feed it with {@link setSuggestionUnderlines}. */
export const SuggestionUnderlines = Extension.create<SuggestionUnderlinesOptions>({
  name: "suggestionUnderlines",
  addOptions() {
    return { onSuggestionClick: () => {} };
  },
  addProseMirrorPlugins() {
    return [createPlugin(this.options)];
  },
});

/** Update the suggestions and/or the located span (kept out of the undo history). */
export function setSuggestionUnderlines(editor: Editor, update: Partial<SuggestionUnderlineInput>): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(suggestionUnderlinesKey, update).setMeta("addToHistory", false));
}
