import { afterEach, describe, expect, it } from "vitest";
import { trustedClientAddress } from "./client-address";

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("trustedClientAddress", () => {
  it("is null without TRUST_PROXY=1: a client could send any X-Forwarded-For", () => {
    expect(trustedClientAddress({ "x-forwarded-for": "203.0.113.7" })).toBeNull();
  });

  it("behind a trusted proxy, is the entry the proxy appended (the last), not what the client claimed", () => {
    process.env.TRUST_PROXY = "1";
    expect(trustedClientAddress({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    expect(trustedClientAddress({ "x-forwarded-for": "192.0.2.1, 203.0.113.7" })).toBe("203.0.113.7");
    expect(trustedClientAddress(new Headers({ "x-forwarded-for": "1.2.3.4,2001:db8::1" }))).toBe("2001:db8::1");
    expect(trustedClientAddress({ "x-forwarded-for": "<script>" })).toBeNull();
    expect(trustedClientAddress({})).toBeNull();
  });
});
