import { describe, expect, it } from "vitest";
import { pressGate } from "./press-gate";

/** A gate whose release work runs only when the test says so, and a log of what was applied. */
function setup() {
  const pending: (() => void)[] = [];
  const gate = pressGate((work) => void pending.push(work));
  const applied: string[] = [];
  const later = () => pending.splice(0).forEach((work) => work());
  return { gate, applied, later, pending };
}

describe("pressGate", () => {
  it("applies an update at once while nothing is pressed", () => {
    const { gate, applied, pending } = setup();
    gate.run("claims", () => applied.push("claims"));
    expect(applied).toEqual(["claims"]);
    expect(pending).toHaveLength(0);
  });

  it("holds updates during a press and applies them after the release, the text first, only the newest of each kind", () => {
    const { gate, applied, later } = setup();
    gate.press();
    gate.run("suggestions", () => applied.push("suggestions 1"));
    gate.run("flash", () => applied.push("flash on"));
    gate.run("claims", () => applied.push("claims 1"));
    gate.run("suggestions", () => applied.push("suggestions 2"));
    gate.run("content", () => applied.push("content"));
    gate.run("flash", () => applied.push("flash off"));
    expect(applied).toEqual([]);
    gate.release();
    // Not in the release's own event: after it, so the selection is read first.
    expect(applied).toEqual([]);
    later();
    expect(applied).toEqual(["content", "claims 1", "flash off", "suggestions 2"]);
    gate.run("claims", () => applied.push("claims 2"));
    expect(applied.at(-1)).toBe("claims 2");
  });

  it("keeps holding when the button goes down again before the release's work runs (a double click)", () => {
    const { gate, applied, later } = setup();
    gate.press();
    gate.run("claims", () => applied.push("claims"));
    gate.release();
    gate.press();
    later();
    expect(applied).toEqual([]);
    gate.release();
    later();
    expect(applied).toEqual(["claims"]);
  });

  it("schedules nothing for a release with nothing held, or without a press", () => {
    const { gate, pending } = setup();
    gate.release();
    gate.press();
    gate.release();
    expect(pending).toHaveLength(0);
  });

  it("drops what is held on reset, and applies at once after it", () => {
    const { gate, applied, later } = setup();
    gate.press();
    gate.run("claims", () => applied.push("dropped"));
    gate.reset();
    later();
    gate.run("claims", () => applied.push("claims"));
    expect(applied).toEqual(["claims"]);
  });
});
