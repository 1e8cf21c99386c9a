"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { config as zodConfig } from "zod";
import { CspNonceProvider } from "@/components/ui/csp-nonce";

// Zod's fast path compiles parsers with `new Function`, and its probe for that trips the page's CSP (no
// 'unsafe-eval'), which reports a violation even though the probe's error is caught. The browser parses
// little (deep links, forms), so the plain interpreter costs nothing that matters.
zodConfig({ jitless: true });

/** Client-side providers: one react-query client per browser tab, and the page's CSP nonce. */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 10_000, retry: (count, error) => count < 2 && (error as { status?: number }).status === 0 },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <CspNonceProvider nonce={nonce}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </CspNonceProvider>
  );
}
