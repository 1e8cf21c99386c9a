import { STANCE_LABELS, type Stance } from "@/lib/schemas/evidence";

/** Shape cues that do not rely on colour. */
const STANCE_ICONS: Record<Stance, string> = { supports: "✓", contradicts: "✗", context: "ℹ" };

/** A link's stance: supports, contradicts or context. */
export function StanceBadge({ stance }: { stance: Stance }) {
  return (
    <span className={`stance-badge stance-badge--${stance}`} data-stance={stance}>
      <span aria-hidden="true">{STANCE_ICONS[stance]} </span>
      {STANCE_LABELS[stance]}
    </span>
  );
}
