import type { RoundStatus } from "@/lib/policies/round";

const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  open: "Blind review",
  revealed: "Awaiting adjudication",
  adjudicated: "Adjudicated",
  closed: "Closed",
};

/** A round's status as a small labelled pill. */
export function StatusPill({ status }: { status: RoundStatus }) {
  return (
    <span className={`status-pill status-pill--${status}`} data-testid="round-status" data-status={status}>
      {ROUND_STATUS_LABELS[status]}
    </span>
  );
}
