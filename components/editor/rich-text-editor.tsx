"use client";

import type { EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { useEffect, useMemo, useRef, useState } from "react";
import { useCspNonce } from "../ui/csp-nonce";
import { RICH_TEXT_LINK_ATTRIBUTES, isAllowedLinkHref } from "../../lib/rich-text/allowed";
import { mentionCandidates, mentionExtension, type MentionCandidate } from "./mention-suggestion";
import "./rich-text-editor.css";

/** Props of {@link RichTextEditor}. */
export type RichTextEditorProps = {
  /** HTML; '' for an empty editor. */
  value: string;
  /** Receives the new HTML ('' when empty). */
  onChange: (html: string) => void;
  ariaLabel: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Comments: the teammates "@" offers (an autocomplete that inserts a mention); `null` while they load. */
  mentions?: readonly MentionCandidate[] | null;
};

/**
 * Marks and blocks of a rationale or note; must match RICH_TEXT_ALLOWED in
 * lib/rich-text/allowed.ts (no headings, code blocks, rules or images).
 */
const RICH_TEXT_KIT = StarterKit.configure({
  heading: false,
  codeBlock: false,
  horizontalRule: false,
  underline: false,
  // Short texts: a trailing empty paragraph after a list would only add noise to the HTML.
  trailingNode: false,
  link: {
    openOnClick: false,
    autolink: true,
    linkOnPaste: true,
    defaultProtocol: "https",
    HTMLAttributes: { ...RICH_TEXT_LINK_ATTRIBUTES },
    isAllowedUri: (url) => isAllowedLinkHref(url),
  },
});
const EXTENSIONS = [RICH_TEXT_KIT];

function isEmptyDoc(state: EditorState): boolean {
  const { doc } = state;
  return doc.childCount === 1 && doc.firstChild!.isTextblock && doc.firstChild!.content.size === 0;
}

/** The editor's value: '' rather than '<p></p>' when empty, so "reset to ''" compares equal. */
function htmlOf(editor: Editor): string {
  return isEmptyDoc(editor.state) ? "" : editor.getHTML();
}

/** Ask for a URL; scheme-less input gets https://. Returns null when cancelled or not http(s). */
function promptForHref(): string | null {
  const raw = window.prompt("Link address (http or https)")?.trim();
  if (!raw) return null;
  const href = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  return isAllowedLinkHref(href) ? href : null;
}

function toggleLink(editor: Editor): void {
  if (editor.isActive("link")) {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  const href = promptForHref();
  if (!href) return void editor.commands.focus();
  if (editor.state.selection.empty) {
    editor
      .chain()
      .focus()
      .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
      .run();
  } else {
    editor.chain().focus().setLink({ href }).run();
  }
}

type ToolbarButton = { label: string; glyph: string; shortcut: string; active: string; run: (e: Editor) => void };

const BUTTONS: ToolbarButton[] = [
  { label: "Bold", glyph: "B", shortcut: "Ctrl/⌘+B", active: "bold", run: (e) => e.chain().focus().toggleBold().run() },
  { label: "Italic", glyph: "I", shortcut: "Ctrl/⌘+I", active: "italic", run: (e) => e.chain().focus().toggleItalic().run() },
  {
    label: "Bulleted list",
    glyph: "•",
    shortcut: "Ctrl/⌘+Shift+8",
    active: "bulletList",
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    label: "Numbered list",
    glyph: "1.",
    shortcut: "Ctrl/⌘+Shift+7",
    active: "orderedList",
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  { label: "Link", glyph: "↗", shortcut: "", active: "link", run: toggleLink },
];

/**
 * Small rich-text editor for rationales and notes. Controlled through
 * `value`/`onChange` (HTML), but an echo of its own output never resets the
 * document, so the cursor is not lost while typing.
 */
export function RichTextEditor({ value, onChange, ariaLabel, placeholder, autoFocus, onSubmit, mentions }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  const onSubmitRef = useRef(onSubmit);
  const [candidates] = useState(mentionCandidates);
  useEffect(() => {
    onChangeRef.current = onChange;
    onSubmitRef.current = onSubmit;
    candidates.set(mentions ?? null);
  });
  // With mentions the extension list is made once per editor; it reads the teammates when "@" is typed.
  const withMentions = mentions !== undefined;
  const extensions = useMemo(() => (withMentions ? [RICH_TEXT_KIT, mentionExtension(candidates)] : EXTENSIONS), [withMentions, candidates]);
  /** The last HTML we emitted (or loaded): a `value` equal to it is our own echo. */
  const lastHtml = useRef(value);

  // Stable identity unless the label or placeholder changes (useEditor re-applies changed options).
  const editorProps = useMemo(
    () => ({
      attributes: (state: EditorState) => ({
        class: isEmptyDoc(state) ? "rte__content is-empty" : "rte__content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": ariaLabel,
        ...(placeholder ? { "data-placeholder": placeholder, "aria-placeholder": placeholder } : {}),
      }),
      handleKeyDown: (_view: EditorView, event: KeyboardEvent) => {
        if (event.key !== "Enter" || !(event.metaKey || event.ctrlKey) || !onSubmitRef.current) return false;
        event.preventDefault();
        onSubmitRef.current();
        return true;
      },
    }),
    [ariaLabel, placeholder],
  );

  // tiptap injects its base CSS as a style tag, which the page's CSP admits by nonce.
  const nonce = useCspNonce();
  // The first value only: tiptap compares the options on every render and re-applies them to the view when one
  // differs, so passing each keystroke's HTML cost a view update per key. Later values arrive through the effect below.
  const [initialValue] = useState(value);
  const editor = useEditor({
    extensions,
    content: initialValue,
    autofocus: autoFocus ? "end" : false,
    immediatelyRender: false,
    injectNonce: nonce,
    editorProps,
    onUpdate: ({ editor: e }) => {
      lastHtml.current = htmlOf(e);
      onChangeRef.current(lastHtml.current);
    },
  });

  useEffect(() => {
    if (!editor || editor.isDestroyed || value === lastHtml.current) return;
    lastHtml.current = value;
    if (value !== htmlOf(editor)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? BUTTONS.map((b) => e.isActive(b.active)) : BUTTONS.map(() => false)),
  });

  return (
    <div className="rte">
      <div className="rte__toolbar" role="toolbar" aria-label={`${ariaLabel} formatting`}>
        {BUTTONS.map((b, i) => (
          <button
            key={b.label}
            type="button"
            className="rte__button"
            aria-label={b.label}
            aria-pressed={active?.[i] ?? false}
            title={b.shortcut ? `${b.label} (${b.shortcut})` : b.label}
            disabled={!editor}
            // Keep the editor's selection: the button must not take focus on mousedown.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor && b.run(editor)}
          >
            <span aria-hidden="true">{b.glyph}</span>
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
