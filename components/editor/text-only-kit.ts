import type { StarterKitOptions } from "@tiptap/starter-kit";

/**
 * StarterKit with every mark, block and helper that could add something
 * besides paragraphs of text turned off: no marks, headings, lists, line
 * breaks or cursors, so a document holds exactly an article's canonical text
 * (one paragraph per line). The article viewer and the correction editor both
 * configure StarterKit from this.
 */
export const TEXT_ONLY_KIT: Partial<StarterKitOptions> = {
  blockquote: false,
  bold: false,
  bulletList: false,
  code: false,
  codeBlock: false,
  dropcursor: false,
  gapcursor: false,
  hardBreak: false,
  heading: false,
  horizontalRule: false,
  italic: false,
  link: false,
  listItem: false,
  listKeymap: false,
  orderedList: false,
  strike: false,
  underline: false,
  trailingNode: false,
};
