import type { Metadata } from "next";
import Link from "next/link";
import { NotFoundPanel } from "@/components/ui/not-found-panel";

export const metadata: Metadata = { title: "Page not found" };

/** Any address no page serves (answered with 404), outside the signed-in shell. */
export default function NotFound() {
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/articles" className="brand">
          Claimdesk
        </Link>
      </header>
      <main className="page">
        <NotFoundPanel
          title="Page not found"
          body="Nothing lives at this address. Check the link, or start from the articles."
          backHref="/articles"
          backLabel="Go to the articles"
        />
      </main>
    </div>
  );
}
