import { describe, expect, it } from "vitest";
import { demoWanted } from "./prepare-db";

describe("demoWanted", () => {
  it("seeds the demo on SQLite unless CLAIMDESK_DEMO=0, and on PostgreSQL only when asked", () => {
    expect(demoWanted({})).toBe(true);
    expect(demoWanted({ DATABASE_URL: "file:./data/x.db" })).toBe(true);
    expect(demoWanted({ CLAIMDESK_DEMO: "0" })).toBe(false);
    expect(demoWanted({ DATABASE_URL: "postgresql://u@h/db" })).toBe(false);
    expect(demoWanted({ DATABASE_URL: "postgresql://u@h/db", CLAIMDESK_DEMO: "1" })).toBe(true);
  });
});
