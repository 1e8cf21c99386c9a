"use client";
import { useState } from "react";
import { VerdictBadge } from "@/components/claims/verdict-badge";
import type { ClusterDto, ClusterMemberDto, DecideClusterInput } from "@/lib/schemas/review";
import { DecisionForm } from "./decision-form";
import { CommentThread } from "./comment-thread";
import { useDeepLink } from "@/components/discussion/use-deep-link";
import { ExternalLink } from "@/components/ui/external-link";

const KIND_LABELS: Record<ClusterDto["kind"], string> = {
  agreed: "Agreed",
  boundary_only: "Boundary differs",
  verdict_conflict: "Verdict conflict",
  single_reviewer: "One reviewer",
};

type Props = {
  cluster: ClusterDto;
  text: string;
  selected: boolean;
  canDecide: boolean;
  canComment: boolean;
  selection: { start: number; end: number } | null;
  onSelect: () => void;
  onDecide: (input: DecideClusterInput) => Promise<unknown>;
};

/** One candidate claim: each reviewer's reading side by side, the decision, the decision form and the discussion. */
export function ClusterCard({ cluster, text, selected, canDecide, canComment, selection, onSelect, onDecide }: Props) {
  const [deciding, setDeciding] = useState(false);
  // A notification's link (?cluster=…&discuss=1) opens this cluster's discussion.
  const link = useDeepLink();
  const linked = link.cluster === cluster.id && link.discuss;
  const [discussing, setDiscussing] = useState(linked);
  return (
    <article
      id={`cluster-card-${cluster.id}`}
      className={`cluster-card${selected ? " is-selected" : ""}`}
      data-testid="cluster-card"
      data-cluster-id={cluster.id}
      data-kind={cluster.kind}
      data-status={cluster.status}
    >
      {/* The #cluster-N anchor that notifications link to. */}
      <span id={`cluster-${cluster.number}`} />
      <button type="button" className="cluster-head" onClick={onSelect} aria-label={`Cluster ${cluster.number}: show in the text`}>
        <strong>Cluster {cluster.number}</strong>
        <span className={`kind-label kind-label--${cluster.kind}`}>{KIND_LABELS[cluster.kind]}</span>
        <span className="muted small">{cluster.status === "open" ? "Open" : cluster.status === "decided" ? "Decided" : "Rejected"}</span>
      </button>
      <div className="member-grid">
        {cluster.members.map((m) => (
          <MemberColumn key={m.annotationId} member={m} />
        ))}
      </div>
      {cluster.decision && <DecisionSummary cluster={cluster} />}
      {canDecide &&
        (deciding ? (
          <DecisionForm cluster={cluster} text={text} selection={selection} onDecide={onDecide} onDone={() => setDeciding(false)} />
        ) : (
          <button type="button" className="btn btn-small" onClick={() => setDeciding(true)}>
            {cluster.status === "open" ? "Decide" : "Change the decision"}
          </button>
        ))}
      {canComment && (
        <button
          type="button"
          className="btn btn-small"
          style={{ marginLeft: ".5rem" }}
          aria-expanded={discussing}
          onClick={() => setDiscussing((d) => !d)}
        >
          Discussion ({cluster.commentCount})
        </button>
      )}
      {discussing && <CommentThread thread={{ clusterId: cluster.id }} focusCommentId={linked ? link.comment : null} />}
    </article>
  );
}

function MemberColumn({ member: m }: { member: ClusterMemberDto }) {
  return (
    <div className="member" data-testid="cluster-member" data-reviewer={m.reviewer.id} data-verdict={m.verdict}>
      <div className="member-who">
        <span>{m.reviewer.name}</span>
        <VerdictBadge verdict={m.verdict} />
      </div>
      <blockquote className="claim-quote">{m.exact}</blockquote>
      {/* Stored rationales are sanitized when saved. */}
      {m.rationaleHtml && <div className="claim-rationale rich-text" dangerouslySetInnerHTML={{ __html: m.rationaleHtml }} />}
      {m.evidence.length > 0 && (
        <ul aria-label="Evidence">
          {m.evidence.map((l) => (
            <li key={l.id}>
              {l.stance}: {l.evidence.url ? <ExternalLink href={l.evidence.url}>{l.evidence.title}</ExternalLink> : l.evidence.title}
              {l.pinpoint && ` (${l.pinpoint})`}
              {l.evidence.deleted && " [deleted]"}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DecisionSummary({ cluster }: { cluster: ClusterDto }) {
  const d = cluster.decision!;
  return (
    <div className="decision-box" data-testid="decision">
      {d.action === "accept" && cluster.claim ? (
        <>
          <strong>Accepted</strong> by {d.decider.name} as <VerdictBadge verdict={cluster.claim.verdict} />
          <blockquote className="claim-quote" data-testid="decided-quote">
            {cluster.claim.exact}
          </blockquote>
        </>
      ) : (
        <>
          <strong>Rejected as not a claim</strong> by {d.decider.name}
        </>
      )}
      {/* Sanitized on save. */}
      {d.rationaleHtml && (
        <div className="claim-rationale rich-text" data-testid="decision-rationale" dangerouslySetInnerHTML={{ __html: d.rationaleHtml }} />
      )}
      {cluster.history.length > 1 && <p className="muted small">{cluster.history.length} decisions so far; the latest counts.</p>}
    </div>
  );
}
