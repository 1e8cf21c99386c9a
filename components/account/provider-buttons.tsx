"use client";
import { signIn } from "next-auth/react";
import type { SignInProvider } from "@/lib/schemas/sign-in";

/** "Continue with GitHub" and the like, for the external providers switched on (lib/auth/providers.ts). */
export function ProviderButtons({ providers, callbackUrl, intro }: { providers: SignInProvider[]; callbackUrl: string; intro: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="provider-buttons">
      <p className="small muted">{intro}</p>
      {providers.map((p) => (
        <button key={p.id} type="button" className="btn" onClick={() => void signIn(p.id, { callbackUrl })}>
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
