import type { Verdict } from "@/lib/schemas/claim";
import { VERDICT_LABELS } from "@/lib/schemas/claim";

/** Shape cues that do not rely on colour; the highlight underline styles echo them. */
export const VERDICT_ICONS: Record<Verdict, string> = { verified: "✓", disputed: "✗", unsourced: "?" };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict-badge verdict-badge--${verdict}`} data-verdict={verdict}>
      <span aria-hidden="true" className="verdict-icon">
        {VERDICT_ICONS[verdict]}
      </span>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
