import { afterEach, describe, expect, it, vi } from "vitest";
import { popoverPosition } from "./popover-position";

const phone = () => vi.stubGlobal("window", { innerWidth: 390, innerHeight: 844 });
afterEach(() => vi.unstubAllGlobals());

describe("popoverPosition", () => {
  it("keeps a popover inside a phone's window: not past the right edge, and above a selection at the bottom", () => {
    phone();
    const size = { width: 360, height: 50 };
    const right = popoverPosition({ top: 100, bottom: 120, left: 300, right: 380 }, size);
    expect(right.left + size.width).toBeLessThanOrEqual(390 - 8);
    expect(right).toMatchObject({ top: 128, maxWidth: 374 });
    const low = popoverPosition({ top: 810, bottom: 830, left: 20, right: 80 }, size);
    expect(low.top).toBe(810 - 8 - 50);
    expect(low.left).toBe(20);
  });

  it("a popover wider than the window starts at the edge and is capped to the window", () => {
    phone();
    expect(popoverPosition({ top: 10, bottom: 30, left: 200, right: 260 }, { width: 500, height: 40 })).toEqual({
      top: 38,
      left: 8,
      maxWidth: 374,
    });
  });
});
