import type { ReactNode } from "react";

/** A link to an address someone typed in (an article's or a source's URL): a new tab, no opener, no referrer, no endorsement. */
export function ExternalLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <a className={className} href={href} rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  );
}
