import { defineConfig } from "@playwright/test";

const SLOT = process.env.CLAIMDESK_TEST_SLOT;
const PORT = Number(process.env.CLAIMDESK_TEST_PORT ?? 3100 + (SLOT ? Number(SLOT) : 0));
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * API and end-to-end tests against a production build, in Debian's Chromium
 * (never a downloaded browser). Run through `npm test`, which creates the
 * throwaway database that DATABASE_URL names.
 */
export default defineConfig({
  testDir: "tests",
  // Parallel runs (CLAIMDESK_TEST_SLOT) must not clean each other's artifacts.
  outputDir: SLOT ? `test-results/slot-${SLOT}` : "test-results/main",
  testMatch: ["api/**/*.spec.ts", "e2e/**/*.spec.ts"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      // The machine has no network: keep Chromium from trying.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    // What `npm start` runs: Next behind admission control (scripts/server.ts).
    command: `node --import tsx scripts/server.ts -H 127.0.0.1 -p ${PORT}`,
    url: `${BASE_URL}/api/ping`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: "claimdesk-test-secret-not-for-production",
      NODE_ENV: "production",
      // Import by URL refuses loopback addresses; the tests' page servers listen on 127.0.0.1.
      CLAIMDESK_FETCH_ALLOW: "127.0.0.1",
      ...(SLOT ? { CLAIMDESK_TEST_SLOT: SLOT } : {}),
    },
  },
});
