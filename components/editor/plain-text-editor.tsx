"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { TEXT_ONLY_KIT } from "./text-only-kit";
import { useEffect, useMemo, useRef } from "react";
import { useCspNonce } from "../ui/csp-nonce";
import { docText, textToDocJson } from "./extensions/claim-highlights";
import "./plain-text-editor.css";

/** Props of {@link PlainTextEditor}. */
export type PlainTextEditorProps = {
  /** Canonical text (paragraphs joined by '\n') loaded when the editor mounts; remount (key) to load another. */
  initialText: string;
  /** Receives the edited text, paragraphs joined by '\n'. */
  onChange: (text: string) => void;
  ariaLabel: string;
};

/**
 * Paragraphs of plain text and nothing else: no marks, headings, lists or
 * line breaks, so what the editor holds is exactly an article version's
 * canonical text (one paragraph per line). Pasted formatting is dropped.
 */
const PLAIN_KIT = StarterKit.configure(TEXT_ONLY_KIT);

/** A tiptap editor for correcting an article's text. Uncontrolled after mount, so typing never resets the cursor. */
export function PlainTextEditor({ initialText, onChange, ariaLabel }: PlainTextEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const extensions = useMemo(() => [PLAIN_KIT], []);
  const editorProps = useMemo(
    () => ({
      attributes: { class: "plain-editor__body", role: "textbox", "aria-multiline": "true", "aria-label": ariaLabel, spellcheck: "true" },
    }),
    [ariaLabel],
  );
  const content = useMemo(() => textToDocJson(initialText), [initialText]);
  // tiptap injects its base CSS as a style tag, which the page's CSP admits by nonce.
  const nonce = useCspNonce();
  const editor = useEditor({
    extensions,
    editorProps,
    content,
    immediatelyRender: false,
    injectNonce: nonce,
    onUpdate: ({ editor: e }) => onChangeRef.current(docText(e.state.doc)),
  });
  return (
    <div className="plain-editor" data-testid="correction-editor">
      <EditorContent editor={editor} />
    </div>
  );
}
