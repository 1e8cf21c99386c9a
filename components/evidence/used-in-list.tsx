import Link from "next/link";
import type { EvidenceUse } from "@/lib/schemas/evidence";
import { VerdictBadge } from "@/components/claims/verdict-badge";
import { StanceBadge } from "./stance-badge";

/** Groups uses by article, keeping their order. */
function byArticle(uses: EvidenceUse[]) {
  const groups = new Map<string, { title: string; uses: EvidenceUse[] }>();
  for (const u of uses) {
    const g = groups.get(u.articleId) ?? { title: u.articleTitle, uses: [] };
    g.uses.push(u);
    groups.set(u.articleId, g);
  }
  return [...groups.entries()];
}

/** Where an item is used: each article, and in it each claim with its verdict and the link's stance. */
export function UsedInList({ uses }: { uses: EvidenceUse[] }) {
  if (uses.length === 0) return <p className="muted">Not used by any claim.</p>;
  return (
    <ul className="used-in" data-testid="used-in">
      {byArticle(uses).map(([articleId, g]) => (
        <li key={articleId} data-testid="used-in-article">
          <Link href={`/articles/${articleId}`}>{g.title}</Link>
          <ul>
            {g.uses.map((u) => (
              <li key={u.linkId} data-testid="used-in-claim">
                <VerdictBadge verdict={u.verdict} /> <StanceBadge stance={u.stance} />
                <div className="evidence-quote">{u.exact}</div>
                {u.pinpoint && <span className="muted small">Pinpoint: “{u.pinpoint}”</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
