"use client";
import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { isWebUrl } from "@/lib/export/report-model";
import { ImportAnnotations } from "./import-annotations";
import { ReportDownloadList } from "./report-download-list";
import { TeamZipExport } from "./team-zip-export";
import "./reports.css";

/** The article page's Export menu: each report format, importing W3C annotations, and the whole team's ZIP. */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [open, setOpen] = useState(false);
  const [publishUrl, setPublishUrl] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const published = publishUrl.trim();
  const publishedOk = published === "" || isWebUrl(published);

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
        <ReportDownloadList articleId={articleId} publishUrl={published && publishedOk ? published : null} />
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
        <ImportAnnotations articleId={articleId} />
        <TeamZipExport />
      </div>
    </div>
  );
}
