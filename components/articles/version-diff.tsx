"use client";
import type { VersionCompareDto } from "@/lib/schemas/article";

type Part = VersionCompareDto["parts"][number];

/** One side of the comparison: shared text plain, this side's own changes marked (del on the old side, ins on the new). */
function Side({ parts, side }: { parts: Part[]; side: "old" | "new" }) {
  const own = side === "old" ? "removed" : "added";
  return (
    <div className="diff-side" data-testid={`diff-${side}`}>
      {parts
        .filter((p) => p.kind === "same" || p.kind === own)
        .map((p, i) =>
          p.kind === "same" ? <span key={i}>{p.text}</span> : side === "old" ? <del key={i}>{p.text}</del> : <ins key={i}>{p.text}</ins>,
        )}
    </div>
  );
}

/** Two versions side by side, what changed marked word by word. Line breaks are paragraph breaks (CSS pre-wrap). */
export function VersionDiff({ compare }: { compare: VersionCompareDto }) {
  const changes = compare.parts.filter((p) => p.kind !== "same").length;
  return (
    <section className="version-diff" aria-label={`Version ${compare.from.number} compared with version ${compare.to.number}`}>
      <p className="muted small">{changes === 0 ? "No differences." : `${changes} changed passage${changes === 1 ? "" : "s"} marked.`}</p>
      <div className="diff-columns">
        <div>
          <h2>Version {compare.from.number}</h2>
          <Side parts={compare.parts} side="old" />
        </div>
        <div>
          <h2>Version {compare.to.number}</h2>
          <Side parts={compare.parts} side="new" />
        </div>
      </div>
    </section>
  );
}
