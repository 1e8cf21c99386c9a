import { env } from "@/lib/env";

/** The external sign-in providers switched on (both halves of their credentials set), for the sign-in and invite pages. */
export function enabledProviders(): { id: "github" | "google"; name: string }[] {
  const e = env();
  return [
    ...(e.GITHUB_ID && e.GITHUB_SECRET ? [{ id: "github" as const, name: "GitHub" }] : []),
    ...(e.GOOGLE_ID && e.GOOGLE_SECRET ? [{ id: "google" as const, name: "Google" }] : []),
  ];
}
