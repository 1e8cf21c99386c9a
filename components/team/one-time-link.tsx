"use client";
import { useState } from "react";
import type { OneTimeLinkDto } from "@/lib/schemas/team";
import { formatDateTime } from "@/lib/format-date";

/** A one-time link made for someone: to copy, with whether it was also e-mailed (and why not, when sending failed). */
export function OneTimeLink({ title, link, to }: { title: string; link: OneTimeLinkDto; to: string }) {
  const [copied, setCopied] = useState(false);
  async function handleCopy() {
    await navigator.clipboard?.writeText(link.url).catch(() => undefined);
    setCopied(true);
  }
  return (
    <div className="one-time-link" role="status" data-testid="one-time-link">
      <strong>{title}</strong>
      {link.url ? (
        <div className="one-time-link-row">
          <input readOnly value={link.url} aria-label="One-time link" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn btn-small" onClick={handleCopy}>
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      ) : null}
      <p className="small muted">
        {link.emailed ? `Also e-mailed to ${to}. ` : link.emailError ? `${link.emailError} ` : link.url ? "Send it to them yourself. " : ""}
        It works once, until {formatDateTime(link.expiresAt)}.
      </p>
    </div>
  );
}
