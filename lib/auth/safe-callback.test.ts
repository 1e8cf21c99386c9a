import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK, safeCallbackPath } from "./safe-callback";

const ORIGIN = "http://127.0.0.1:3103";
const safe = (raw: unknown) => safeCallbackPath(raw, ORIGIN);

describe("safeCallbackPath", () => {
  it("keeps paths of this app, with their query and fragment", () => {
    expect(safe("/articles/abc?tab=outcome#claim-2")).toBe("/articles/abc?tab=outcome#claim-2");
    expect(safe("/")).toBe("/");
    expect(safe(`${ORIGIN}/reviews/r1`)).toBe("/reviews/r1");
    expect(safe("/articles/%2F%2Fevil.test")).toBe("/articles/%2F%2Fevil.test");
  });

  it.each([
    ["a backslash after the slash", "/\\127.0.0.1:3999/b"],
    ["a tab after the slash", "/\t/evil.test"],
    ["a protocol-relative URL", "//evil.test/x"],
    ["a line feed", "/\n/evil.test"],
    ["a carriage return", "/\r/evil.test"],
    ["a NUL", "/\u0000/evil.test"],
    ["a C1 control", "/\u0085/evil.test"],
    ["dot segments that normalize to //", "/.//evil.test"],
    ["an encoded dot segment", "/%2e//evil.test"],
    ["another origin", "http://evil.test/articles"],
    ["another port of this host", "http://127.0.0.1:3999/articles"],
    ["another scheme", "https://127.0.0.1:3103/articles"],
    ["credentials in the URL", "http://user:pw@127.0.0.1:3103/articles"],
    ["javascript:", "javascript:alert(1)"],
    ["a relative path", "articles"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["an empty string", ""],
    ["not a string", ["/articles"]],
  ])("refuses %s", (_, raw) => {
    expect(safe(raw)).toBe(DEFAULT_CALLBACK);
  });

  it("every answer is a path a browser resolves to this origin", () => {
    for (const raw of ["/\\evil", "/\t/evil", "//evil", "/.//evil", "/%5C%5Cevil", "/articles", "/a/../..//evil"]) {
      expect(new URL(safe(raw), ORIGIN).origin).toBe(ORIGIN);
      expect(safe(raw)).toMatch(/^\/(?!\/)/);
    }
  });
});
