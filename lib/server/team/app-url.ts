import { env } from "@/lib/env";

/**
 * The app's public origin for the one-time links it hands out: NEXTAUTH_URL
 * (which `npm start` always sets), or the request's own origin, or (the CLI,
 * with neither) http://localhost:$PORT.
 */
export function appBaseUrl(requestOrigin?: string): string {
  return (env().NEXTAUTH_URL ?? requestOrigin ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}
