import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, parseLimits } from "./limits";

describe("limits from the environment", () => {
  it("has defaults far above honest use", () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      CLAIMDESK_MAX_IN_FLIGHT: 16,
      CLAIMDESK_MAX_CLAIMS_PER_ARTICLE: 10_000,
      CLAIMDESK_WRITES_PER_MINUTE: 600,
      CLAIMDESK_STREAMS_PER_USER: 20,
      CLAIMDESK_CLAIMS_PAGE_SIZE: 2_000,
    });
  });

  it("reads numbers, treats empty strings as unset, and refuses nonsense naming the variable", () => {
    expect(parseLimits({ CLAIMDESK_WRITES_PER_MINUTE: "30", CLAIMDESK_QUEUE_LIMIT: "0", CLAIMDESK_STREAMS_PER_USER: "" })).toMatchObject({
      CLAIMDESK_WRITES_PER_MINUTE: 30,
      CLAIMDESK_QUEUE_LIMIT: 0,
      CLAIMDESK_STREAMS_PER_USER: 20,
    });
    expect(() => parseLimits({ CLAIMDESK_MAX_IN_FLIGHT: "0" })).toThrow(/CLAIMDESK_MAX_IN_FLIGHT/);
    expect(() => parseLimits({ CLAIMDESK_WRITES_PER_MINUTE: "lots" })).toThrow(/CLAIMDESK_WRITES_PER_MINUTE/);
  });
});
