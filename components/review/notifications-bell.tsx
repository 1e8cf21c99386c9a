"use client";
import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { useMarkRead, useNotifications, useSetRead } from "@/lib/queries/use-comments";
import { NOTIFICATION_KIND_LABELS } from "@/lib/schemas/notification";
import "./review.css";
import { formatDateTime } from "@/lib/format-date";

/**
 * The header's notifications: the unread count, and on click the latest
 * notifications, each marked read when followed and markable read or unread
 * by hand. Blind review decides what is listed and counted (on the server).
 */
export function NotificationsBell() {
  const data = useNotifications();
  const markRead = useMarkRead();
  const setRead = useSetRead();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const unread = data.data?.unread ?? 0;
  const close = useCallback(() => setOpen(false), []);

  useDismiss(root, open, close);

  return (
    <div className="notif" ref={root}>
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen((o) => !o)}
        data-testid="notifications"
      >
        Notifications{" "}
        {unread > 0 && (
          <span className="notif-count" data-testid="notif-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="notif-panel" role="dialog" aria-label="Notifications">
          {data.data?.items.length ? (
            <ul>
              {data.data.items.map((n) => (
                <li
                  key={n.id}
                  className={n.readAt ? undefined : "is-unread"}
                  data-testid="notification"
                  data-kind={n.kind}
                  data-read={n.readAt ? "true" : "false"}
                >
                  <div className="muted small">
                    {NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind}
                    {n.readAt ? "" : " · unread"}
                  </div>
                  {n.url ? (
                    <Link
                      href={n.url}
                      onClick={() => {
                        if (!n.readAt) markRead.mutate([n.id]);
                        setOpen(false);
                      }}
                    >
                      {n.text}
                    </Link>
                  ) : (
                    n.text
                  )}
                  <div className="notif-meta muted small">
                    {formatDateTime(n.createdAt)}
                    <button
                      type="button"
                      className="btn btn-link btn-small"
                      onClick={() => (n.readAt ? setRead.mutate({ id: n.id, read: false }) : markRead.mutate([n.id]))}
                    >
                      {n.readAt ? "Mark unread" : "Mark read"}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing yet.</p>
          )}
          {unread > 0 && (
            <button type="button" className="btn btn-small" onClick={() => markRead.mutate(undefined)}>
              Mark all read
            </button>
          )}
        </div>
      )}
    </div>
  );
}
