import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from "./json-depth";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("jsonNestsDeeperThan", () => {
  it("counts arrays and objects inside each other", () => {
    expect(jsonNestsDeeperThan(bytes(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`))).toBe(false);
    expect(jsonNestsDeeperThan(bytes(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`))).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":{"b":[{"c":1}]}}'), 3)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ a: "[[[[[[", b: '"[[[[', c: '\\"[[[[' })), 1)).toBe(false);
  });

  it("counts siblings once, not their sum", () => {
    expect(jsonNestsDeeperThan(bytes(JSON.stringify(Array.from({ length: 10_000 }, () => [[1]]))), 3)).toBe(false);
  });

  it("settles 8 MB of nesting in one quick pass", () => {
    const deep = bytes("[".repeat(8 * 1024 * 1024));
    const wide = bytes(JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ i, s: "ab[c]" }))));
    const t0 = performance.now();
    expect(jsonNestsDeeperThan(deep)).toBe(true);
    expect(jsonNestsDeeperThan(wide)).toBe(false);
    // Linear and quick: well under a second even on a loaded machine (the recursive walk took seconds).
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
