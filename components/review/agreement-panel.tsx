"use client";
import { useRoundAgreement } from "@/lib/queries/use-reviews";
import { agreementHeadline, formatPercent, MIN_CLUSTERS_TO_JUDGE } from "@/lib/review/agreement-headline";
import { QueryFallback } from "@/components/ui/query-fallback";

const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(3));

/**
 * The round's agreement: Krippendorff's α on verdicts over matched clusters,
 * character-level span F1, and the pairwise matrix with the counts behind
 * each figure, so a reader can check them.
 */
export function AgreementPanel({ roundId }: { roundId: string }) {
  const data = useRoundAgreement(roundId, true);
  if (data.isPending || data.error) return <QueryFallback error={data.error} loading="Computing agreement…" />;
  const a = data.data;
  const h = agreementHeadline(a);
  return (
    <section className="section" aria-label="Agreement">
      <h2>Agreement</h2>
      <div className="agreement-figures">
        <div className="figure" data-testid="alpha">
          <strong>{fmt(a.verdicts.alpha)}</strong>
          <span>
            Krippendorff's α (verdicts, nominal) over {a.matchedClusters} matched cluster{a.matchedClusters === 1 ? "" : "s"},{" "}
            {a.verdicts.pairable} pairable values
          </span>
        </div>
        <div className="figure" data-testid="percent-agreement">
          <strong>{h.percent === null ? "—" : formatPercent(h.percent)}</strong>
          <span>
            verdicts the same ({h.agreeing} of {h.compared} pair{h.compared === 1 ? "" : "s"} of verdicts) over {h.clusters} cluster
            {h.clusters === 1 ? "" : "s"} two or more reviewers marked
          </span>
        </div>
        <div className="figure" data-testid="span-f1">
          <strong>{fmt(a.spanF1)}</strong>
          <span>Span F1 at character level (micro-average over pairs)</span>
        </div>
        <div className="figure">
          <strong>{a.singleClusters}</strong>
          <span>clusters marked by one reviewer only</span>
        </div>
      </div>
      {h.tooFew && (
        <p className="agreement-too-few" role="note" data-testid="too-few">
          Too few to judge: {h.clusters} cluster{h.clusters === 1 ? "" : "s"} compared. With fewer than {MIN_CLUSTERS_TO_JUDGE}, one verdict
          more or less swings α and the percentage; read them as a count, not as the desk’s agreement.
        </p>
      )}
      {a.verdicts.alpha === null && (
        <p className="muted small">α is undefined when fewer than two verdicts can be paired or when every verdict is the same.</p>
      )}
      <table className="data-table data-table--wide" data-testid="pairwise">
        <thead>
          <tr>
            <th>Reviewers</th>
            <th className="num">Clusters both marked</th>
            <th className="num">Same verdict</th>
            <th className="num">
              {/* The headings are set in capitals, which would make a Greek alpha read as the Latin A beside "Chars A". */}
              <abbr className="keep-case" title="Krippendorff’s alpha on verdicts">
                α
              </abbr>
            </th>
            <th className="num">
              <abbr title="Characters the first reviewer named marked">Chars A</abbr>
            </th>
            <th className="num">
              <abbr title="Characters the second reviewer named marked">Chars B</abbr>
            </th>
            <th className="num">Chars both</th>
            <th className="num">Span F1</th>
          </tr>
        </thead>
        <tbody>
          {a.pairs.map((p) => (
            <tr key={`${p.a.id}-${p.b.id}`}>
              <td>
                {p.a.name} × {p.b.name}
              </td>
              <td className="num">{p.matched}</td>
              <td className="num">{p.sameVerdict}</td>
              <td className="num">{fmt(p.verdicts.alpha)}</td>
              <td className="num">{p.spans.charsA}</td>
              <td className="num">{p.spans.charsB}</td>
              <td className="num">{p.spans.both}</td>
              <td className="num">{fmt(p.spans.f1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
