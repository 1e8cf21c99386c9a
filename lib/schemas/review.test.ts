import { describe, expect, it } from "vitest";
import { startRoundSchema } from "./review";

const start = { articleId: "a", reviewerIds: ["r"], adjudicatorId: "e" };
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("startRoundSchema", () => {
  it("takes a due date of today or later, and none", () => {
    for (const dueDate of [day(0), day(1), day(400), null, undefined])
      expect(startRoundSchema.safeParse({ ...start, dueDate }).success).toBe(true);
  });

  it("refuses a due date that has passed everywhere, saying so", () => {
    const r = startRoundSchema.safeParse({ ...start, dueDate: day(-2) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["dueDate"], message: "The due date has passed: pick today or a later day." });
  });
});
