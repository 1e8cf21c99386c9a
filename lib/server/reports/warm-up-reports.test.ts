import { describe, expect, it } from "vitest";
import { warmUpModel } from "./warm-up-reports";

describe("the report workers' warm-up reports", () => {
  it("each warm-up report is 20 claims on the sample article, under its own id", () => {
    const a = warmUpModel(0);
    const b = warmUpModel(7);
    expect(a.claims).toHaveLength(20);
    expect(a.article.id).toBe("warm-up-0");
    expect(b.article.id).toBe("warm-up-7");
  });
});
