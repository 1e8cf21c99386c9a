"use client";
import { useTeamAgreement } from "@/lib/queries/use-reviews";
import type { TeamAgreementPointDto } from "@/lib/schemas/review";
import { formatDate } from "@/lib/format-date";
import { QueryFallback } from "@/components/ui/query-fallback";
import "./review.css";
import { ArticleName } from "@/components/articles/article-name";
import { articleNameText } from "@/lib/articles/article-name";

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
 * negative: the axis runs from 1 down to −0.2, or lower (in steps of 0.2, to
 * −1 at most) when a round's α is lower. An α below −1 (possible with few
 * pairable values) is drawn at −1 as a ▼ marker, its value in the tooltip.
 * Undefined values leave a gap.
 */
export function AgreementChart() {
  const data = useTeamAgreement();
  if (data.isPending || data.error) return <QueryFallback error={data.error} loading="Loading agreement…" />;
  if (data.data.length === 0) return <p className="muted">Agreement appears here once a round has been revealed.</p>;
  return <Chart points={data.data} />;
}

/** The lowest value the axis shows; anything lower is clamped to it and marked. */
const FLOOR = -1;

/** The bottom of the axis: −0.2, or the lowest α rounded down to a step of 0.2, but not below FLOOR (−1). A missing α counts as 0. */
export function axisBottom(points: Pick<TeamAgreementPointDto, "alpha">[]): number {
  const lowest = Math.min(-0.2, ...points.map((p) => p.alpha ?? 0));
  // Rounded first: −0.6 × 5 is −3.0000000000000004 in floating point, which would floor to −4.
  const steps = Math.floor(Math.round(lowest * 5e6) / 1e6);
  return Math.max(FLOOR, steps / 5);
}

const label = (v: number) => (v < 0 ? `−${Math.abs(v)}` : String(v));

/**
 * The name of a round in the chart: "R3", the same on the axis, in the
 * tooltips and in the list under the chart that says which article and when.
 */
export const roundName = (i: number) => `R${i + 1}`;
const roundTitle = (p: TeamAgreementPointDto) => articleNameText({ title: p.articleTitle, lead: p.articleLead });

function Chart({ points }: { points: TeamAgreementPointDto[] }) {
  const bottom = axisBottom(points);
  const x = (i: number) =>
    PAD.left + (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + ((1 - Math.max(v, bottom)) * (H - PAD.top - PAD.bottom)) / (1 - bottom);
  const grid = bottom < -0.2 ? [1, 0.5, 0, bottom] : [1, 0.5, 0];
  return (
    <figure className="section">
      <svg className="agreement-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Agreement over time" data-testid="agreement-chart">
        {grid.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#dcdad3" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#5d636d">
              {label(v)}
            </text>
          </g>
        ))}
        {SERIES.map((s) => {
          const pts = points.map((p, i) => ({ i, v: p[s.key] })).filter((p): p is { i: number; v: number } => p.v !== null);
          return (
            <g key={s.key}>
              <polyline
                fill="none"
                stroke={s.color}
                strokeWidth="2"
                strokeDasharray={s.dash}
                points={pts.map((p) => `${x(p.i)},${y(p.v)}`).join(" ")}
              />
              {pts.map((p) => {
                const title = (
                  <title>{`${s.label}: ${p.v.toFixed(2)}${p.v < bottom ? ` (below ${label(bottom)}, drawn at ${label(bottom)})` : ""} — ${roundName(p.i)}: ${roundTitle(points[p.i]!)} (revealed ${formatDate(points[p.i]!.revealedAt.slice(0, 10))})`}</title>
                );
                const cx = x(p.i);
                const cy = y(p.v);
                return p.v < bottom ? (
                  <polygon key={p.i} points={`${cx - 6},${cy - 4} ${cx + 6},${cy - 4} ${cx},${cy + 6}`} fill={s.color} data-clamped="true">
                    {title}
                  </polygon>
                ) : (
                  <circle key={p.i} cx={cx} cy={cy} r="4" fill={s.color}>
                    {title}
                  </circle>
                );
              })}
            </g>
          );
        })}
        {points.map((p, i) => (
          <text key={p.roundId} x={x(i)} y={H - 12} textAnchor="middle" fontSize="11" fill="#5d636d" data-testid="chart-round-label">
            {roundName(i)}
          </text>
        ))}
      </svg>
      <figcaption className="muted small">
        {SERIES.map((s) => (
          <span key={s.key} style={{ color: s.color, marginRight: "1rem" }}>
            {s.dash ? "╌" : "—"} {s.label}
          </span>
        ))}
        One point per revealed round, oldest first, named as listed below.
        {points.some((p) => p.alpha !== null && p.alpha < bottom) ? ` ▼ marks an α below ${label(bottom)}, drawn at ${label(bottom)}.` : ""}
      </figcaption>
      <ol className="agreement-rounds small" data-testid="agreement-rounds">
        {points.map((p, i) => (
          <li key={p.roundId} value={i + 1}>
            <strong>{roundName(i)}</strong> <ArticleName article={{ title: p.articleTitle, lead: p.articleLead }} /> · revealed{" "}
            {formatDate(p.revealedAt.slice(0, 10))} · α {p.alpha === null ? "—" : p.alpha.toFixed(2)} · {p.matchedClusters} cluster
            {p.matchedClusters === 1 ? "" : "s"} compared
          </li>
        ))}
      </ol>
    </figure>
  );
}
