import Link from "next/link";

type Props = { title: string; body: string; backHref: string; backLabel: string };

/** The body of every not-found page: what is missing, why it may be, and the way back. The route answers 404. */
export function NotFoundPanel({ title, body, backHref, backLabel }: Props) {
  return (
    <div className="empty-state not-found" data-testid="not-found">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      <p className="muted">{body}</p>
      <Link href={backHref} className="btn btn-primary">
        {backLabel}
      </Link>
    </div>
  );
}
