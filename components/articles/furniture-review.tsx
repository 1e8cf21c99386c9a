"use client";
import type { RemovedBlockDto } from "@/lib/schemas/article";

const KIND_LABELS: Record<string, string> = {
  crumb: "Breadcrumb",
  "also-read": "“Also read” teaser",
  subscribe: "Subscription prompt",
  "may-also-like": "“You may also like” block",
  "category-line": "Category line",
  "updated-date": "“Updated” label",
  advertising: "Ad label",
  byline: "Byline",
  dateline: "Date line",
  tags: "Tag line",
  share: "Share prompt",
  copyright: "Copyright line",
  stray: "Separator or counter",
  "print-edition": "Print edition note",
};

/** What the cleanup removed as page furniture, each block with a checkbox to put it back. */
export function FurnitureReview({
  removed,
  restore,
  onToggle,
}: {
  removed: RemovedBlockDto[];
  restore: number[];
  onToggle: (index: number) => void;
}) {
  if (removed.length === 0) return <p className="muted small">The cleanup removed nothing.</p>;
  return (
    <section className="furniture-review" aria-label="Removed page furniture">
      <h2>Removed as page furniture</h2>
      <p className="muted small">Tick a block to keep it in the article after all.</p>
      <ul className="stack-list">
        {removed.map((block, i) => (
          <li key={i} data-testid="removed-block">
            <label>
              <input type="checkbox" checked={restore.includes(i)} onChange={() => onToggle(i)} />
              <span className="furniture-kind">{KIND_LABELS[block.kind] ?? block.kind}</span> <span className="muted small">restore</span>
            </label>
            <blockquote>{block.lines.join("\n")}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
