import { env } from "@/lib/env";
import type { SignInProvider } from "@/lib/schemas/sign-in";

/** The external sign-in providers switched on (both halves of their credentials set), for the sign-in and invite pages. */
export function enabledProviders(): SignInProvider[] {
  const e = env();
  return [
    ...(e.GITHUB_ID && e.GITHUB_SECRET ? [{ id: "github" as const, name: "GitHub" }] : []),
    ...(e.GOOGLE_ID && e.GOOGLE_SECRET ? [{ id: "google" as const, name: "Google" }] : []),
  ];
}
