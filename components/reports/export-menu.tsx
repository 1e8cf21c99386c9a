"use client";
import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { isWebUrl } from "@/lib/export/report-model";
import { usePublication } from "@/lib/queries/use-publication";
import { useArticleRound } from "@/lib/queries/use-reviews";
import { reviewsBlind } from "@/lib/schemas/review";
import { ImportAnnotations } from "./import-annotations";
import { ReportDownloadList } from "./report-download-list";
import { TeamZipExport } from "./team-zip-export";
import "./reports.css";

/** Why the report has nothing for a reviewer reviewing the article blind (load-report.ts gives them no claims). */
export const BLIND_EXPORT_NOTE =
  "The report shows the desk’s final claims. You are reviewing this article blind, so it has none for you, yours included, until the round is revealed.";

/** Why ClaimReview is not offered before the fact-check has a public page (lib/export/claimreview.ts). */
export const CLAIMREVIEW_UNPUBLISHED_HINT =
  "not yet: it points search engines at the public fact-check. Publish it first, or give below the address where you publish the report.";

/**
 * The article page's Export menu: each report format, importing W3C
 * annotations, and the whole team's ZIP.
 *
 * - A reviewer reviewing the article blind is offered no downloads: every
 *   format would be empty (the report is the desk's final claims, which the
 *   round hides from them), so the menu says why instead.
 * - ClaimReview is offered once there is a page the public can read: the
 *   article is published, or an address is given in "Published at". Before
 *   that the menu says so where its link would be (the server refuses it, 409
 *   naming `publishUrl`).
 */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [open, setOpen] = useState(false);
  const [publishUrl, setPublishUrl] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const published = publishUrl.trim();
  const publishedOk = published === "" || isWebUrl(published);
  const isPublic = usePublication(articleId).data?.status === "published" || (published !== "" && publishedOk);
  const blind = reviewsBlind(useArticleRound(articleId).data?.round);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);

  return (
    <div className="export-menu" ref={root}>
      <button type="button" className="btn" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export <span aria-hidden="true">▾</span>
      </button>
      {/* Hidden, not unmounted: an import or a ZIP in progress keeps its state while the menu is closed. */}
      <div className="export-menu-panel" role="region" aria-label="Export and import" hidden={!open}>
        <p className="export-menu-title">Download this article’s report</p>
        {blind ? (
          <p className="muted small" data-testid="export-blind-note">
            {BLIND_EXPORT_NOTE}
          </p>
        ) : (
          <>
            <ReportDownloadList
              articleId={articleId}
              publishUrl={published && publishedOk ? published : null}
              unavailable={isPublic ? {} : { claimreview: CLAIMREVIEW_UNPUBLISHED_HINT }}
            />
            <label className="export-menu-field">
              Published at <span className="muted small">(optional)</span>
              <input
                type="url"
                inputMode="url"
                maxLength={2000}
                placeholder="https://desk.example/fact-checks/…"
                value={publishUrl}
                onChange={(e) => setPublishUrl(e.target.value)}
                aria-invalid={!publishedOk}
                aria-describedby={hintId}
              />
            </label>
            <p id={hintId} className={`export-menu-hint${publishedOk ? " muted" : " is-invalid"}`}>
              {publishedOk
                ? "Where you publish the HTML report: ClaimReview and CSV link each claim there."
                : "Use a web address that starts with http:// or https://."}
            </p>
          </>
        )}
        <ImportAnnotations articleId={articleId} />
        <TeamZipExport />
      </div>
    </div>
  );
}
