"use client";
import { createContext, useContext, type ReactNode } from "react";

const CspNonceContext = createContext<string | undefined>(undefined);

/** Hands the page's Content-Security-Policy nonce (proxy.ts) to client code that injects its own style or script tags. */
export function CspNonceProvider({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  return <CspNonceContext value={nonce}>{children}</CspNonceContext>;
}

/** The page's CSP nonce, for a tag injected at run time (tiptap's style tag: `injectNonce`); undefined outside a page render. */
export const useCspNonce = (): string | undefined => useContext(CspNonceContext);
