"use client";
import { useTeamAgreement } from "@/lib/queries/use-reviews";
import type { TeamAgreementPointDto } from "@/lib/schemas/review";
import "./review.css";

const W = 720;
const H = 220;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };
const SERIES = [
  { key: "alpha", label: "Verdict α (Krippendorff)", color: "#1f4e9c", dash: "" },
  { key: "spanF1", label: "Span F1 (characters)", color: "#9a6400", dash: "6 4" },
] as const;

/**
 * The team's agreement over time: one point per revealed round, α on
 * verdicts and span F1, as an inline SVG (no chart library). α can be
 * negative; the axis runs from −0.2 to 1. Undefined values leave a gap.
 */
export function AgreementChart() {
  const data = useTeamAgreement();
  if (data.isPending) return <p className="muted">Loading agreement…</p>;
  if (data.error) return <p role="alert" className="form-error">{data.error.message}</p>;
  if (data.data.length === 0) return <p className="muted">Agreement appears here once a round has been revealed.</p>;
  return <Chart points={data.data} />;
}

function Chart({ points }: { points: TeamAgreementPointDto[] }) {
  const x = (i: number) => PAD.left + (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + ((1 - v) * (H - PAD.top - PAD.bottom)) / 1.2;
  return (
    <figure className="section">
      <svg className="agreement-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Agreement over time" data-testid="agreement-chart">
        {[1, 0.5, 0].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#dcdad3" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#5d636d">{v}</text>
          </g>
        ))}
        {SERIES.map((s) => {
          const pts = points.map((p, i) => ({ i, v: p[s.key] })).filter((p): p is { i: number; v: number } => p.v !== null);
          return (
            <g key={s.key}>
              <polyline fill="none" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} points={pts.map((p) => `${x(p.i)},${y(p.v)}`).join(" ")} />
              {pts.map((p) => (
                <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r="4" fill={s.color}>
                  <title>{`${s.label}: ${p.v.toFixed(2)} — ${points[p.i]!.articleTitle ?? "round"} (${points[p.i]!.revealedAt.slice(0, 10)})`}</title>
                </circle>
              ))}
            </g>
          );
        })}
        {points.map((p, i) => (
          <text key={p.roundId} x={x(i)} y={H - 12} textAnchor="middle" fontSize="11" fill="#5d636d">{p.revealedAt.slice(5, 10)}</text>
        ))}
      </svg>
      <figcaption className="muted small">
        {SERIES.map((s) => <span key={s.key} style={{ color: s.color, marginRight: "1rem" }}>{s.dash ? "╌" : "—"} {s.label}</span>)}
        One point per revealed round, oldest first.
      </figcaption>
    </figure>
  );
}
