import { describe, expect, it } from "vitest";
import { roundAnnotationEditBlock, roundPermissions, type RoundActor, type RoundStatus } from "./round";

const reviewer: RoundActor = { id: "r1", role: "reviewer" };
const other: RoundActor = { id: "r2", role: "reviewer" };
const editor: RoundActor = { id: "e1", role: "editor" };
const inRound = (status: RoundStatus, extra: { authorId?: string; status?: string } = {}) => ({
  authorId: extra.authorId ?? "r1",
  roundId: "round",
  status: extra.status ?? "draft",
  round: { status },
});

describe("locking round annotations", () => {
  it("lets the author change a draft while the round is open", () => {
    expect(roundAnnotationEditBlock(reviewer, inRound("open"))).toBeNull();
    expect(roundAnnotationEditBlock(reviewer, { authorId: "r1", roundId: null })).toBeNull();
  });

  it("refuses submitted work, other people (editors too) and anything after reveal, saying why", () => {
    expect(roundAnnotationEditBlock(reviewer, inRound("open", { status: "submitted" }))).toMatch(/Reopen/);
    expect(roundAnnotationEditBlock(editor, inRound("open"))).toMatch(/author/);
    expect(roundAnnotationEditBlock(reviewer, inRound("revealed"))).toMatch(/frozen/);
  });
});

describe("round permissions", () => {
  const round = (status: RoundStatus) => ({ status, adjudicatorId: "e1", reviewerIds: ["r1", "r2"] });

  it("lets an assigned reviewer submit, then reopen until the reveal", () => {
    expect(roundPermissions(reviewer, round("open"), { submittedAt: null })).toMatchObject({
      submit: true,
      reopen: false,
      reveal: false,
      decide: false,
    });
    expect(roundPermissions(reviewer, round("open"), { submittedAt: new Date() })).toMatchObject({ submit: false, reopen: true });
    expect(roundPermissions(reviewer, round("revealed"), { submittedAt: new Date() })).toMatchObject({ submit: false, reopen: false });
    expect(roundPermissions(other, round("open"), null)).toMatchObject({ submit: false, reopen: false });
  });

  it("lets editors reveal an open round, decide after reveal and close once adjudicated; comments open with the reveal", () => {
    expect(roundPermissions(editor, round("open"), null)).toMatchObject({ reveal: true, decide: false, close: false, comment: false });
    expect(roundPermissions(editor, round("revealed"), null)).toMatchObject({ reveal: false, decide: true, close: false, comment: true });
    expect(roundPermissions(editor, round("adjudicated"), null)).toMatchObject({ decide: true, close: true });
    expect(roundPermissions(editor, round("closed"), null)).toMatchObject({ decide: false, close: false });
    expect(roundPermissions(reviewer, round("revealed"), null)).toMatchObject({ decide: false, comment: true });
  });
});
