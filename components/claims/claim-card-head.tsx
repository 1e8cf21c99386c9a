import { VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import { VerdictBadge } from "./verdict-badge";
import { AnchorStateBadge, anchorStateText, type AnchorFields } from "./anchor-state-badge";

type Props = {
  number: number;
  verdict: Verdict;
  anchor: AnchorFields;
  /** Who made it, as the card shows it. */
  who: string;
  onSelect: () => void;
};

/**
 * A claim card's head: a button that shows the claim in the text. Its name
 * says what the head shows, in the same words, then the action: "Claim 2:
 * Disputed, Drifted 86%, Ann Reviewer, show in the text", so a screen reader
 * hears the verdict (WCAG 1.3.1, 2.5.3).
 */
export function ClaimCardHead({ number, verdict, anchor, who, onSelect }: Props) {
  const parts = [VERDICT_LABELS[verdict], anchorStateText(anchor), who].filter(Boolean);
  return (
    <button
      type="button"
      className="claim-card-head"
      onClick={onSelect}
      aria-label={`Claim ${number}: ${parts.join(", ")}, show in the text`}
    >
      <span className="claim-number">{number}</span>
      <VerdictBadge verdict={verdict} />
      <AnchorStateBadge claim={anchor} />
      <span className="claim-author muted">{who}</span>
    </button>
  );
}
