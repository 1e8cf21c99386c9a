/**
 * Holds the article viewer's redraws (a new text, new highlights, a flash,
 * new suggestion underlines) while the mouse button is pressed in the text, and
 * applies them once it is released, in the order the text needs them.
 *
 * Why. When decorations change, ProseMirror draws the paragraphs again and
 * writes its own idea of the selection back into the page. Between a
 * mouse-down and the `selectionchange` that tells ProseMirror of the caret
 * the browser has put there, that idea is stale (the text's start); and until
 * the mouse has moved 4 px, ProseMirror does not hold that write back for a
 * drag (prosemirror-view's `delaySelUpdate`). Written then, it ends the
 * browser's drag selection: the drag selects nothing, and no verdict popover
 * opens. A live update (another reviewer's claim, the suggestions answer)
 * landing in that window is enough; a full suite's run caught it, and a
 * decoration change dispatched in that window reproduces it every time. Held
 * for the length of a press, no update can land there.
 *
 * A drag lasts a second or two, so nothing waits long; keyboard selection and
 * clicks outside the text are not held. Updates of one kind replace each
 * other: only the newest is applied.
 */

/**
 * What the viewer redraws, in the order held updates are applied: the text first, as the others are drawn on it. A
 * flash's end (its marks drawn again without the glow's class) comes on a timer, 1.3 s after a card was opened, and so
 * may land in a drag that follows at once.
 */
const HELD_KINDS = ["content", "claims", "flash", "suggestions"] as const;
export type HeldKind = (typeof HELD_KINDS)[number];

export type PressGate = {
  /** Applies `update` now, or, while the button is pressed, once it is released (replacing a held update of the same kind). */
  run(kind: HeldKind, update: () => void): void;
  /** The primary button went down in the text. */
  press(): void;
  /** The button was released (or the press cancelled): held updates are applied after the events of the release. */
  release(): void;
  /** Drops what is held and forgets the press (the viewer's listeners are going away; a new press starts afresh). */
  reset(): void;
};

/**
 * A gate for one viewer. `later` schedules the release's work; by default a
 * macrotask, so the browser's mouseup and ProseMirror's reading of the final
 * selection come first.
 */
export function pressGate(later: (work: () => void) => void = (work) => void setTimeout(work, 0)): PressGate {
  let pressed = false;
  const held = new Map<HeldKind, () => void>();
  const flush = () => {
    // Pressed again before this ran (a double click): the next release applies them.
    if (pressed) return;
    for (const kind of HELD_KINDS) {
      const update = held.get(kind);
      held.delete(kind);
      update?.();
    }
  };
  return {
    run(kind, update) {
      if (pressed) held.set(kind, update);
      else update();
    },
    press() {
      pressed = true;
    },
    release() {
      if (!pressed) return;
      pressed = false;
      if (held.size > 0) later(flush);
    },
    reset() {
      pressed = false;
      held.clear();
    },
  };
}
