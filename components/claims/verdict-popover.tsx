"use client";
import { VERDICT_LABELS, type ClaimDto, type Verdict } from "@/lib/schemas/claim";
import type { SameWords } from "./same-words";
import { VerdictButtons } from "./verdict-buttons";
import type { PopoverRect } from "./popover-position";
import { SelectionPopover } from "./selection-popover";

/**
 * Floating verdict picker shown next to the current text selection. When the
 * viewer can already see claims on exactly these words (./same-words.ts), it
 * says so first: their own claim is opened or re-tagged rather than tagged a
 * second time; teammates' are named, and a verdict adds the viewer's own.
 */
export function VerdictPopover({
  rect,
  onPick,
  same = NEW,
  onOpen,
}: {
  rect: PopoverRect;
  onPick: (v: Verdict) => void;
  same?: SameWords;
  /** Opens a claim's card (and leaves the selection). */
  onOpen?: (id: string) => void;
}) {
  const open = (id: string, whose: string) => (
    <button
      type="button"
      className="btn-link"
      aria-label={`Open ${whose} claim`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onOpen?.(id)}
    >
      Open
    </button>
  );
  const canPick = same.kind === "new" || same.kind === "others" || (same.kind === "own" && same.claim.can.edit);
  return (
    <SelectionPopover rect={rect} label="Tag the selected claim" className={same.kind === "new" ? undefined : "verdict-popover--noted"}>
      {same.kind === "own" && (
        <p className="small" data-testid="same-words">
          You tagged these words {VERDICT_LABELS[same.claim.verdict]}.{" "}
          {same.claim.can.edit ? "A verdict here changes that claim." : "Your claim can no longer be changed."}{" "}
          {open(same.claim.id, "your")}
        </p>
      )}
      {same.kind === "saving" && (
        <p className="small" data-testid="same-words">
          Your tag of these words is being saved.
        </p>
      )}
      {same.kind === "others" && (
        <p className="small" data-testid="same-words">
          {whoTagged(same.claims)} A verdict here adds your own claim. {open(same.claims[0]!.id, `${authorName(same.claims[0]!)}’s`)}
        </p>
      )}
      {canPick && <VerdictButtons current={same.kind === "own" ? same.claim.verdict : undefined} shortcuts onPick={onPick} />}
    </SelectionPopover>
  );
}

const NEW: SameWords = { kind: "new" };
const authorName = (c: ClaimDto) => c.author.name ?? "A teammate";
/** How many teammates the note names before it counts the rest. */
const NAMED = 2;

/** "Ann Lee tagged these words Disputed." or "Ann Lee (Disputed), Ben Ode (Verified) and 1 more tagged these words." */
function whoTagged(claims: readonly ClaimDto[]): string {
  if (claims.length === 1) return `${authorName(claims[0]!)} tagged these words ${VERDICT_LABELS[claims[0]!.verdict]}.`;
  const named = claims.slice(0, NAMED).map((c) => `${authorName(c)} (${VERDICT_LABELS[c.verdict]})`);
  const rest = claims.length - named.length;
  const list = rest > 0 ? `${named.join(", ")} and ${rest} more` : `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
  return `${list} tagged these words.`;
}

/**
 * What a selection on the Outcome tab offers: the outcome is the desk's
 * decided claims and takes no tags, so it says where tagging happens and
 * moves there with the selection kept (the verdict picker then opens on it).
 */
export function OutcomeTagHint({ rect, onSwitch }: { rect: PopoverRect; onSwitch: () => void }) {
  return (
    <SelectionPopover rect={rect} label="Tag the selected text" className="outcome-tag-hint">
      <p className="small">The Outcome is the desk&apos;s decided claims. New claims are tagged on Annotations.</p>
      <button type="button" className="btn btn-small btn-primary" onClick={onSwitch}>
        Tag on Annotations
      </button>
    </SelectionPopover>
  );
}
