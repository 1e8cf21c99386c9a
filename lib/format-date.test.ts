import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format-date";

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes(".test.") ? [join(dir, e.name)] : [],
  );

describe("one format per kind of date", () => {
  it("prints calendar dates as '31 Jan 2023' and instants as '31 Jan 2023, 09:05 UTC', whatever the zone", () => {
    expect(formatDate("2023-01-31")).toBe("31 Jan 2023");
    expect(formatDateTime("2023-01-31T09:05:59.000Z")).toBe("31 Jan 2023, 09:05 UTC");
    expect(formatDateTime("2023-01-31T23:30:00-02:00")).toBe("1 Feb 2023, 01:30 UTC");
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("no page or component formats a date itself (raw ISO slices, locale formatters) instead of lib/format-date", () => {
    const offenders = [...sources("components"), ...sources("app")].flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return [
        /At\.slice\(0, 1[06]\)(?!\))/.test(text.replace(/formatDate\([^)]*At\.slice\(0, 10\)\)/g, "")) ? `${file}: ISO slice` : null,
        /DateTimeFormat|toLocaleDateString|toLocaleTimeString|toLocaleString\(\)/.test(text) ? `${file}: locale formatter` : null,
      ].filter((x): x is string => x !== null);
    });
    expect(offenders).toEqual([]);
  });
});
