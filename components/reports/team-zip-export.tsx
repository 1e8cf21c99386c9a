"use client";
import { useEffect, useRef } from "react";
import { useStartZip, useZipJob } from "@/lib/queries/use-reports";

/**
 * Builds every report of the team into one ZIP on the server, showing
 * "n of N" articles while it runs, then downloads it.
 */
export function TeamZipExport() {
  const start = useStartZip();
  // The job the last start answered; polled until it is done.
  const job = useZipJob(start.data?.id ?? null);
  const fetched = useRef<string | null>(null);
  const data = job.data ?? start.data;
  const running = start.isPending || data?.status === "running";

  // Download once when the job finishes.
  useEffect(() => {
    if (data?.status === "done" && data.downloadUrl && fetched.current !== data.id) {
      fetched.current = data.id;
      window.location.assign(data.downloadUrl);
    }
  }, [data]);

  function handleStart() {
    start.mutate({});
  }

  return (
    <div className="export-menu-section">
      <p className="export-menu-title">All of the team’s reports</p>
      <button type="button" className="btn btn-small" onClick={handleStart} disabled={running}>
        Download all as ZIP
      </button>
      {data && data.status === "running" && (
        <div className="zip-progress" role="status" aria-live="polite">
          <progress max={Math.max(1, data.total)} value={data.done} aria-label="ZIP progress" />
          <span className="small">
            {data.done < data.total ? `Building reports: ${data.done} of ${data.total} articles` : "Compressing…"}
          </span>
        </div>
      )}
      {data?.status === "done" && data.downloadUrl && (
        <p className="small" role="status">
          {data.total} article{data.total === 1 ? "" : "s"} exported. <a href={data.downloadUrl}>Download the ZIP again</a>
        </p>
      )}
      {(data?.status === "failed" || start.error || job.error) && (
        <p className="form-error" role="alert">
          {data?.error ?? start.error?.message ?? job.error?.message}
        </p>
      )}
    </div>
  );
}
