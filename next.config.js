import { apiRouteMethods } from "./lib/api/route-methods.mjs";

/**
 * Security headers on every response, framework errors included. The
 * Content-Security-Policy is set per response instead (a header here would
 * replace a route's own): pages get one with a nonce (proxy.ts), the JSON API
 * one that allows nothing (lib/api/api-headers.ts), file downloads their own
 * (lib/api/file-response.ts).
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // A fact-check desk's addresses (article ids, review rounds) stay out of the sites it checks.
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Parallel test runs (CLAIMDESK_TEST_SLOT) each build into their own folder.
  distDir: process.env.CLAIMDESK_TEST_SLOT ? `.next-${process.env.CLAIMDESK_TEST_SLOT}` : ".next",
  poweredByHeader: false,
  // Behind a reverse proxy that compresses, CLAIMDESK_COMPRESS=0 saves the app the gzip work (read at start).
  compress: process.env.CLAIMDESK_COMPRESS !== "0",
  // Native and driver packages stay out of the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "pdfkit",
    "wink-nlp",
    "wink-eng-lite-web-model",
  ],
  // Type errors fail `npm run typecheck` (TypeScript 7, run in the test script); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The API routes and their methods, read from the route files at build time, for proxy.ts.
  env: { CLAIMDESK_API_ROUTES: JSON.stringify(apiRouteMethods(import.meta.dirname)) },
  // The proxy only sees requests with bodies of at most 64 KB (proxy.ts config.matcher).
  experimental: { proxyClientMaxBodySize: 64 * 1024 },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
