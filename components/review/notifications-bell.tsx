"use client";
import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { useMarkRead, useNotifications } from "@/lib/queries/use-comments";
import "./review.css";

/** The header's notifications indicator: unread count, and the latest notifications on click. */
export function NotificationsBell() {
  const data = useNotifications();
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const unread = data.data?.unread ?? 0;
  const close = useCallback(() => setOpen(false), []);

  useDismiss(root, open, close);

  return (
    <div className="notif" ref={root}>
      <button type="button" className="btn btn-small" aria-expanded={open} aria-label={`Notifications, ${unread} unread`} onClick={() => setOpen((o) => !o)} data-testid="notifications">
        Notifications {unread > 0 && <span className="notif-count" data-testid="notif-count">{unread}</span>}
      </button>
      {open && (
        <div className="notif-panel" role="dialog" aria-label="Notifications">
          {data.data?.items.length ? (
            <ul>
              {data.data.items.map((n) => (
                <li key={n.id} className={n.readAt ? undefined : "is-unread"} data-testid="notification">
                  {n.url ? <Link href={n.url} onClick={() => { markRead.mutate([n.id]); setOpen(false); }}>{n.text}</Link> : n.text}
                  <div className="muted small">{n.createdAt.slice(0, 16).replace("T", " ")}</div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing yet.</p>
          )}
          {unread > 0 && <button type="button" className="btn btn-small" onClick={() => markRead.mutate(undefined)}>Mark all read</button>}
        </div>
      )}
    </div>
  );
}
