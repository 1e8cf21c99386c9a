import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "@fontsource/source-serif-4/400.css";
import "@fontsource/source-serif-4/600.css";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Claimdesk", template: "%s · Claimdesk" },
  description: "A fact-check desk for newsroom teams.",
};

/** Reads the request's CSP nonce (proxy.ts), which also makes every page render per request, as nonces need. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en">
      <body>
        {/* The first thing Tab reaches on every page; every page's <main> is #main (WCAG 2.4.1). */}
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
