"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { CspNonceProvider } from "@/components/ui/csp-nonce";

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
