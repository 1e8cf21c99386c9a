import { describe, expect, it } from "vitest";
import { axisBottom } from "./agreement-chart";

const points = (...alphas: (number | null)[]) => alphas.map((alpha) => ({ alpha }));

describe("axisBottom", () => {
  it("stays at −0.2 when every α is above it or missing", () => {
    expect(axisBottom(points(0.8, null, -0.1))).toBe(-0.2);
    expect(axisBottom([])).toBe(-0.2);
  });

  it("rounds a lower α down to a step of 0.2, without floating-point drift taking it one step further", () => {
    // −0.6 × 5 is −3.0000000000000004 in floating point; a plain floor would give −0.8.
    expect(axisBottom(points(0.4, -0.6))).toBe(-0.6);
    expect(axisBottom(points(-0.61))).toBe(-0.8);
  });

  it("clamps at −1 however low α goes", () => {
    expect(axisBottom(points(-1))).toBe(-1);
    expect(axisBottom(points(0.9, -2.75))).toBe(-1);
  });
});
