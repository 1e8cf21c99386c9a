import { describe, expect, it } from "vitest";
import { newNonce, pageCsp } from "./content-security-policy";

describe("pageCsp", () => {
  it("runs only nonce'd scripts (and what they load), refuses framing, plugins and foreign forms", () => {
    const csp = pageCsp("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    for (const d of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "style-src 'self' 'nonce-abc123'",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp("n", { https: true, dev: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
