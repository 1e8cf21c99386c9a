"use client";
import type { ImportPreviewDto, PreviewLineDto } from "@/lib/schemas/article";
import { FurnitureReview } from "./furniture-review";

type Props = {
  preview: ImportPreviewDto;
  restore: number[];
  onToggleRestore: (block: number) => void;
  /** Drop a kept line, or keep a dropped one (an index into the preview's lines). */
  onToggleDrop: (line: number) => void;
};

const KIND_CLASS: Record<PreviewLineDto["kind"], string> = {
  paragraph: "",
  heading: "line-heading",
  quote: "line-quote",
  "list-item": "line-item",
  row: "line-row",
};

/**
 * What the import makes of the source: the lines the save keeps, each with a
 * button to leave it out; the lines left out, each with a button to keep it;
 * and the blocks the cleanup removed, each with a box to put it back.
 */
export function ImportPreview({ preview, restore, onToggleRestore, onToggleDrop }: Props) {
  const saved = preview.lines.filter((l) => l.state === "kept" || l.state === "restored");
  const dropped = preview.lines.filter((l) => l.state === "dropped");
  return (
    <div className="import-preview">
      <section aria-label="Cleaned text">
        <h2>
          Text to be saved{" "}
          <span className="muted small">
            ({preview.length.toLocaleString("en")} characters, from {preview.format}
            {preview.encoding !== "UTF-8" ? ` in ${preview.encoding}` : ""})
          </span>
        </h2>
        <ol className="preview-text preview-lines" data-testid="preview-text">
          {saved.length === 0 && (
            <li className="muted">
              <em>Nothing left: keep a line or restore a block.</em>
            </li>
          )}
          {saved.map((line) => (
            <li key={line.index} className={KIND_CLASS[line.kind]} data-testid="preview-line" data-kind={line.kind}>
              <span className="line-text" id={`line-${line.index}`}>
                {line.text}
              </span>
              <button
                type="button"
                className="btn-link line-action"
                aria-describedby={`line-${line.index}`}
                onClick={() => onToggleDrop(line.index)}
              >
                Leave out
              </button>
            </li>
          ))}
        </ol>
      </section>
      <div className="preview-side">
        <FurnitureReview removed={preview.removed} restore={restore} onToggle={onToggleRestore} />
        {dropped.length > 0 && (
          <section className="dropped-lines" aria-label="Left out by you">
            <h2>Left out by you</h2>
            <ul>
              {dropped.map((line) => (
                <li key={line.index} data-testid="dropped-line">
                  <span className="line-text">{line.text}</span>
                  <button type="button" className="btn-link line-action" onClick={() => onToggleDrop(line.index)}>
                    Keep
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
