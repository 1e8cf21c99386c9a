"use client";
import { useEffect, useRef, useState } from "react";
import { reportUrl } from "@/lib/queries/use-reports";
import { ImportAnnotations } from "./import-annotations";
import { TeamZipExport } from "./team-zip-export";
import "./reports.css";

/** The formats offered, in the order newsrooms ask for them. */
const FORMATS = [
  { format: "html", label: "HTML report", hint: "one file, prints well" },
  { format: "pdf", label: "PDF report", hint: "for the standards editor" },
  { format: "md", label: "Markdown", hint: "for a CMS or a wiki" },
  { format: "csv", label: "CSV", hint: "one row per claim" },
  { format: "claimreview", label: "ClaimReview JSON-LD", hint: "schema.org, for search engines" },
  { format: "w3c", label: "W3C Web Annotations", hint: "for other annotation tools" },
] as const;

/** The article page's Export menu: each report format, importing W3C annotations, and the whole team's ZIP. */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // Close on a click elsewhere or Escape, as menus do.
  useEffect(() => {
    if (!open) return;
    const handleDown = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const handleKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", handleDown);
    document.addEventListener("keydown", handleKey);
    return () => {
      document.removeEventListener("mousedown", handleDown);
      document.removeEventListener("keydown", handleKey);
    };
  }, [open]);

  return (
    <div className="export-menu" ref={root}>
      <button type="button" className="btn" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export <span aria-hidden="true">▾</span>
      </button>
      {/* Hidden, not unmounted: an import or a ZIP in progress keeps its state while the menu is closed. */}
      <div className="export-menu-panel" role="region" aria-label="Export and import" hidden={!open}>
        <p className="export-menu-title">Download this article’s report</p>
        <ul className="export-menu-list">
          {FORMATS.map((f) => (
            <li key={f.format}>
              <a href={reportUrl(articleId, f.format)} download data-format={f.format}>
                {f.label} <span className="muted small">{f.hint}</span>
              </a>
            </li>
          ))}
        </ul>
        <ImportAnnotations articleId={articleId} />
        <TeamZipExport />
      </div>
    </div>
  );
}
