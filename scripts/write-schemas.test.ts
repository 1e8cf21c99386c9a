import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { schemaFor } from "./write-schemas";

describe("Prisma schema copies", () => {
  it.each(["sqlite", "postgres"] as const)("prisma/%s/schema.prisma is generated from prisma/models.prisma", (kind) => {
    expect(readFileSync(`prisma/${kind}/schema.prisma`, "utf8")).toBe(schemaFor(kind));
  });
  it("both databases have the same list of migrations", () => {
    const names = (kind: string) =>
      readdirSync(`prisma/${kind}/migrations`)
        .filter((d) => /^\d+_/.test(d))
        .sort();
    expect(names("sqlite").length).toBeGreaterThan(0);
    expect(names("postgres")).toEqual(names("sqlite"));
  });
});
