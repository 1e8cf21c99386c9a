"use client";

import type { EditorView } from "@tiptap/pm/view";
import { Editor } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { TEXT_ONLY_KIT } from "./text-only-kit";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useCspNonce } from "../ui/csp-nonce";
import { OffsetIndex } from "../../lib/anchoring/offsets";
import { trimSpan } from "../../lib/anchoring/selectors";
import {
  ClaimHighlights,
  claimHighlightsKey,
  plainMarkAttrs,
  setClaimHighlights,
  textToDocJson,
  type HighlightClaim,
} from "./extensions/claim-highlights";
import { highlightRuns, highlightRunsHtml } from "./extensions/highlight-runs";
import { KindedParagraph, LINE_TAG } from "./extensions/line-kinds";
import { GroupedDocument, LineGroup, groupLines } from "./extensions/line-groups";
import { lineKindAt } from "../../lib/anchoring/line-kinds";
import type { LineKind } from "../../lib/schemas/article";
import {
  SuggestionUnderlines,
  setSuggestionUnderlines,
  type SuggestionUnderlinesOptions,
  type UnderlineSuggestion,
} from "./extensions/suggestion-underlines";
import { showClaimFlash } from "./claim-flash";
import { pressGate } from "./press-gate";
import "./article-viewer.css";

/** A claim to highlight: [start, end) in code points of the canonical text. */
export type ViewerClaim = HighlightClaim;
/** A user text selection: trimmed code-point span, plus the viewport rect of its end (for a popover). */
export type ViewerSelection = { start: number; end: number; rect: { top: number; left: number; bottom: number; right: number } };

/** Props of {@link ArticleViewer}. */
export type ArticleViewerProps = {
  /** Canonical text: paragraphs joined by a single '\n'. */
  text: string;
  /** What each line was in the page (headings, quotes, list items), aligned to the lines of `text`; drawn only. */
  lineKinds?: readonly LineKind[] | null;
  claims: ViewerClaim[];
  selectedClaimId: string | null;
  /** Scroll to the claim and flash it whenever `nonce` changes. */
  flash: { id: string; nonce: number } | null;
  onClaimClick: (id: string) => void;
  /** The user's selection (mouse or keyboard), trimmed; null when collapsed or whitespace only. */
  onSelectionChange: (sel: ViewerSelection | null) => void;
  /** Suggested claims, drawn as faint underlines under the claims. */
  suggestions?: UnderlineSuggestion[];
  onSuggestionClick?: SuggestionUnderlinesOptions["onSuggestionClick"];
  /** A span opened from another article: marked and scrolled into view. */
  located?: { start: number; end: number } | null;
  className?: string;
};

const FLASH_MS = 1300;
/** The static body's content while it is the server's (see `serverHtmlKept`): never drawn, only compared. */
const SERVER_HTML_KEPT = "";
const NO_SUGGESTIONS: UnderlineSuggestion[] = [];
/** CSS Custom Highlight name that keeps the selection visible while focus is elsewhere (see the CSS). */
const HELD_HIGHLIGHT = "claimdesk-held-selection";

/**
 * Only document (ours: groups of lines), paragraph (ours, with line kinds) and text: nothing may reinterpret the
 * canonical text.
 */
const VIEWER_KIT = StarterKit.configure({ ...TEXT_ONLY_KIT, document: false, paragraph: false, undoRedo: false });

/** The viewer's document for a text: one paragraph per line, in groups of lines (extensions/line-groups.ts). */
const viewerDoc = (text: string, kinds: readonly LineKind[] | null) => groupLines(textToDocJson(text, kinds));

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Shift+key -> Selection.modify() step. A non-editable view has no caret, so the browser may not extend a selection itself. */
function selectionStep(e: KeyboardEvent): [string, string] | null {
  const word = isMac ? e.altKey : e.ctrlKey;
  switch (e.key) {
    case "ArrowLeft":
      return ["left", word ? "word" : "character"];
    case "ArrowRight":
      return ["right", word ? "word" : "character"];
    case "ArrowUp":
      return ["backward", "line"];
    case "ArrowDown":
      return ["forward", "line"];
    case "Home":
      return ["backward", e.ctrlKey ? "documentboundary" : "lineboundary"];
    case "End":
      return ["forward", e.ctrlKey ? "documentboundary" : "lineboundary"];
    default:
      return null;
  }
}

function domSelectionIn(view: EditorView): Selection | null {
  const sel = view.dom.ownerDocument.getSelection();
  return sel && sel.rangeCount > 0 && view.dom.contains(sel.anchorNode) && view.dom.contains(sel.focusNode) ? sel : null;
}

/** Keyboard selection in the read-only view: Shift+arrows/Home/End, Mod+A (this article only), Escape. */
function handleSelectionKeys(view: EditorView, e: KeyboardEvent): boolean {
  const docSel = view.dom.ownerDocument.getSelection();
  if (!docSel) return false;
  const inside = domSelectionIn(view);
  if ((isMac ? e.metaKey : e.ctrlKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "a") {
    docSel.selectAllChildren(view.dom);
  } else if (e.key === "Escape" && inside && !inside.isCollapsed) {
    inside.collapseToEnd();
  } else {
    const step = e.shiftKey ? selectionStep(e) : null;
    if (!step) return false;
    if (!inside) {
      // Start from where PM last saw the selection (start of the article by default).
      const { node, offset } = view.domAtPos(view.state.selection.head);
      docSel.collapse(node, offset);
    }
    docSel.modify("extend", step[0], step[1]);
  }
  e.preventDefault();
  return true;
}

type HighlightApi = { highlights?: Map<string, unknown> };
type HighlightCtor = new (...ranges: Range[]) => unknown;

/** Paint (or clear) the PM selection with the CSS Custom Highlight API: no DOM change, so nothing disturbs the text. */
function paintHeldSelection(view: EditorView | null): void {
  const registry = (globalThis.CSS as unknown as HighlightApi | undefined)?.highlights;
  const Ctor = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  if (!registry || !Ctor) return;
  const sel = view?.state.selection;
  if (!view || !sel || sel.empty || view.hasFocus()) return void registry.delete(HELD_HIGHLIGHT);
  const a = view.domAtPos(sel.from);
  const b = view.domAtPos(sel.to);
  const range = view.dom.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  registry.set(HELD_HIGHLIGHT, new Ctor(range));
}

/** The PM selection as a trimmed code-point span with the rect of its end, or null. */
function readSelection(editor: Editor, indexFor: (text: string) => OffsetIndex): ViewerSelection | null {
  const s = claimHighlightsKey.getState(editor.state);
  const { from, to, empty } = editor.state.selection;
  if (!s || empty) return null;
  const span = trimSpan(s.text, s.map.pmToCp(from), s.map.pmToCp(to), indexFor(s.text));
  if (span.end <= span.start) return null;
  const c = editor.view.coordsAtPos(s.map.cpToPm(span.end), -1);
  return { start: span.start, end: span.end, rect: { top: c.top, left: c.left, bottom: c.bottom, right: c.right } };
}

/** Keep the latest callback in a ref, so the editor (created once) always calls the current prop. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Read-only article with claim highlights. Text can be selected with the mouse
 * or the keyboard (within and across paragraphs) and is reported in code points.
 */
export function ArticleViewer(props: ArticleViewerProps) {
  const { text, lineKinds = null, claims, selectedClaimId, flash, className } = props;
  const onClaimClick = useLatest(props.onClaimClick);
  const onSelectionChange = useLatest(props.onSelectionChange);
  const onSuggestionClick = useLatest(props.onSuggestionClick);
  const [initialContent] = useState(() => viewerDoc(text, lineKinds));
  const highlightInput = useLatest({ claims, selectedId: selectedClaimId });
  // tiptap injects its base CSS as a style tag, which the page's CSP admits by nonce.
  const nonce = useCspNonce();
  // The editor is made after hydration (the page shows the server's highlights until then) and drawn once:
  // its first state already holds the plugins, so the view's first drawing has every highlight. (Mounted by
  // tiptap, a view draws the bare text, then adds the plugins and draws it all again.) Its options read the
  // latest props through refs, so it is made once per mount; later changes reach it through the effects below.
  const [editor, setEditor] = useState<Editor | null>(null);
  // Redraws wait while the mouse button is pressed in the text (./press-gate.ts says why).
  const [gate] = useState(() => pressGate());
  const host = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // Hydrating the server's rendering: its highlights are in the DOM already (found by the static body's id),
  // and React leaves a dangerouslySetInnerHTML element's content as it finds it, so the browser need not draw
  // the same HTML string again (at 5,000 claims, 50-70 ms of the work before the editor mounts). Until the editor
  // has mounted the string stays the same placeholder, so no re-render rewrites what the server drew.
  const staticId = useId();
  const [serverHtmlKept, setServerHtmlKept] = useState(() => typeof document !== "undefined" && !!document.getElementById(staticId));
  if (editor && serverHtmlKept) setServerHtmlKept(false);
  useEffect(() => {
    // User-timing marks (devtools, bench/paint-highlights.bench.ts's BENCH_TRACE): the editor made, mounted and drawn.
    performance.mark("claimdesk:editor:create");
    const created = new Editor({
      element: null,
      extensions: [
        VIEWER_KIT,
        GroupedDocument,
        LineGroup,
        KindedParagraph,
        ClaimHighlights.configure({ onClaimClick: (id) => onClaimClick.current(id), initial: () => highlightInput.current }),
        SuggestionUnderlines.configure({ onSuggestionClick: (s, rect) => onSuggestionClick.current?.(s, rect) }),
      ],
      editorProps: {
        attributes: { class: "article-viewer__body", role: "article", "aria-label": "Article text", tabindex: "0" },
        handleDOMEvents: { keydown: handleSelectionKeys },
      },
      content: initialContent,
      editable: false,
      injectNonce: nonce,
    });
    created.view.updateState(created.state.reconfigure({ plugins: created.extensionManager.plugins }));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the editor is made after hydration on purpose: the render it causes swaps the server's highlights for it
    setEditor(created);
    return () => {
      setEditor(null);
      created.destroy();
    };
  }, [onClaimClick, onSuggestionClick, highlightInput, initialContent, nonce]);
  // In the commit that takes the server's rendering away, so no frame shows neither. (An editor not yet
  // mounted counts as destroyed for tiptap; the cleanup above clears `editor` before destroying it.)
  useLayoutEffect(() => {
    if (editor && host.current && !host.current.firstChild) {
      performance.mark("claimdesk:editor:mount");
      editor.mount(host.current);
      performance.mark("claimdesk:editor:mounted");
    }
  }, [editor]);

  // A new text (a correction) or new kinds for the same text: the same document, drawn anew.
  const kindsKey = lineKinds?.join(",") ?? "";
  const shownKinds = useRef(kindsKey);
  useEffect(() => {
    if (!editor) return;
    gate.run("content", () => {
      if (claimHighlightsKey.getState(editor.state)?.text !== text || shownKinds.current !== kindsKey) {
        shownKinds.current = kindsKey;
        editor.commands.setContent(viewerDoc(text, kindsKey ? (kindsKey.split(",") as LineKind[]) : null), { emitUpdate: false });
      }
    });
  }, [gate, editor, text, kindsKey]);

  useEffect(() => {
    if (!editor) return;
    gate.run("claims", () => {
      const current = claimHighlightsKey.getState(editor.state);
      // The editor was created with these (ClaimHighlights' `initial`): nothing to rebuild.
      if (current?.claims === claims && current.selectedId === selectedClaimId) return;
      // User-timing marks (devtools, bench/paint-highlights.bench.ts): decorations built and applied.
      performance.mark("claimdesk:highlights:start");
      setClaimHighlights(editor, { claims, selectedId: selectedClaimId });
      performance.mark("claimdesk:highlights:applied");
    });
  }, [gate, editor, claims, selectedClaimId]);

  const { suggestions = NO_SUGGESTIONS, located = null } = props;
  useEffect(() => {
    if (editor) gate.run("suggestions", () => setSuggestionUnderlines(editor, { suggestions }));
  }, [gate, editor, suggestions]);
  const locatedStart = located?.start;
  const locatedEnd = located?.end;
  useEffect(() => {
    if (!editor || locatedStart === undefined || locatedEnd === undefined) return;
    setSuggestionUnderlines(editor, { located: { start: locatedStart, end: locatedEnd } });
    editor.view.dom.querySelector("[data-located]")?.scrollIntoView({ block: "center" });
  }, [editor, locatedStart, locatedEnd]);

  const flashId = flash?.id;
  const flashNonce = flash?.nonce;
  useEffect(() => {
    if (!editor || flashId === undefined || flashNonce === undefined) return;
    gate.run("flash", () => setClaimHighlights(editor, { flash: { id: flashId } }));
    const el = editor.view.dom.querySelector(`[data-claim-id="${CSS.escape(flashId)}"]`);
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el?.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    // The glow itself is an overlay only the compositor animates (claim-flash.ts); the marks' class says which claim.
    const hide = root.current && el ? showClaimFlash(root.current, editor.view.dom, flashId) : null;
    const timer = setTimeout(() => {
      hide?.();
      // Its end comes on a timer, so it may fall in a drag begun meanwhile: held as any redraw is (./press-gate.ts).
      gate.run("flash", () => setClaimHighlights(editor, { flash: null }));
    }, FLASH_MS);
    return () => {
      clearTimeout(timer);
      hide?.();
    };
  }, [gate, editor, flashId, flashNonce]);

  // Selection reporting: after the mouse is released (not on every drag step), at once for keys.
  useEffect(() => {
    if (!editor) return;
    const view = editor.view;
    const doc = view.dom.ownerDocument;
    let cache: { text: string; index: OffsetIndex } | null = null;
    const indexFor = (t: string) => (cache?.text === t ? cache : (cache = { text: t, index: new OffsetIndex(t) })).index;
    let pointerDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: string | null = null; // span key of the last report, null = nothing selected
    const report = () => {
      timer = undefined;
      if (editor.isDestroyed) return;
      const sel = readSelection(editor, indexFor);
      const key = sel && `${sel.start}:${sel.end}`;
      if (key === last) return;
      last = key;
      onSelectionChange.current(sel);
    };
    const schedule = () => void (timer ??= setTimeout(report, 0));
    // Hold the selection on screen while focus is in another control (the parent's popover).
    let holding = false;
    const onTransaction = () => {
      if (!pointerDown) schedule();
      if (holding) paintHeldSelection(view);
    };
    const onDown = (e: PointerEvent) => {
      pointerDown = e.button === 0;
      if (!pointerDown) return;
      gate.press();
      // A new selection starts: reported even when it is the span reported last, which the host may have dismissed since
      // (Escape, or a tag, which clears the page's selection but not the editor's) without a report in between.
      last = null;
    };
    const onUp = () => {
      if (pointerDown) schedule();
      pointerDown = false;
      // After the report's timer: the selection is read before held redraws touch the text.
      gate.release();
    };
    const onFocusChange = (e: FocusEvent) => {
      holding = e.type === "blur";
      paintHeldSelection(holding ? view : null);
    };
    const onDocSelection = () => {
      // Focus went nowhere (a click on the page background): nobody is acting on the selection.
      const active = doc.activeElement;
      if (holding && (!active || active === doc.body) && !domSelectionIn(view)) {
        holding = false;
        paintHeldSelection(null);
      }
    };
    // One signal for every DOM listener: the cleanup removes exactly what was added.
    const listening = new AbortController();
    const { signal } = listening;
    editor.on("transaction", onTransaction);
    view.dom.addEventListener("pointerdown", onDown, { signal });
    view.dom.addEventListener("focus", onFocusChange, { signal });
    view.dom.addEventListener("blur", onFocusChange, { signal });
    doc.addEventListener("pointerup", onUp, { signal });
    doc.addEventListener("pointercancel", onUp, { signal });
    doc.addEventListener("selectionchange", onDocSelection, { signal });
    // The view takes selections from its mount (a layout effect) on, and these listeners come one passive effect
    // later. On a busy page the browser runs input before that effect, so a quick drag can end in between and was
    // never reported: the text stayed selected with no verdict popover (seen once in a loaded CI-size run). Report
    // whatever is selected now; an empty selection reports nothing.
    schedule();
    return () => {
      editor.off("transaction", onTransaction);
      listening.abort();
      clearTimeout(timer);
      paintHeldSelection(null);
      gate.reset();
    };
  }, [gate, editor, onSelectionChange]);

  // Before the editor mounts (and on the server, and without JavaScript): the same text and highlights, so nothing jumps.
  // One HTML string rather than React elements: nothing in it needs React, and React then hydrates no element per <mark>
  // (18,000 of them at 5,000 claims), only to take them all away when the editor mounts.
  const staticHtml = useMemo(
    () =>
      editor
        ? null
        : serverHtmlKept
          ? SERVER_HTML_KEPT
          : highlightRunsHtml(
              highlightRuns(text, claims),
              (i) => {
                const kind = lineKindAt(lineKinds, i);
                return { tag: LINE_TAG[kind], kind: kind === "paragraph" ? undefined : kind };
              },
              (claim) => plainMarkAttrs(claim, selectedClaimId),
            ),
    [editor, serverHtmlKept, text, claims, lineKinds, selectedClaimId],
  );
  return (
    <div ref={root} className={className ? `article-viewer ${className}` : "article-viewer"}>
      {staticHtml !== null && (
        <div id={staticId} className="article-viewer__body" dangerouslySetInnerHTML={{ __html: staticHtml }} suppressHydrationWarning />
      )}
      {/* ProseMirror's own element: React renders nothing inside it. */}
      <div ref={host} className="article-viewer__editor" />
    </div>
  );
}
