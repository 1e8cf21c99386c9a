import { describe, expect, it } from "vitest";
import {
  assertVisibility,
  canReceiveEvent,
  canSeeAnnotation,
  canSeeEvidenceItem,
  canSeeNotification,
  canSeeOutcome,
  eventAudience,
  isReviewingBlind,
  sealVisibility,
  type Visibility,
} from "./visibility";

const since = new Date("2026-03-01T10:00:00Z");
// Ann and Ben review article X blind in round R; Eve is an editor in no round; Bea an editor assigned to R.
const round = { roundId: "R", articleId: "X", since, reviewerIds: ["ann", "ben", "bea"] };
const open_ = ["R"];
const ann = sealVisibility({ id: "ann", teamId: "T", role: "reviewer" }, [round], open_);
const ben = sealVisibility({ id: "ben", teamId: "T", role: "reviewer" }, [round], open_);
const bea = sealVisibility({ id: "bea", teamId: "T", role: "editor" }, [round], open_);
const eve = sealVisibility({ id: "eve", teamId: "T", role: "editor" }, [], open_);
const rex = sealVisibility({ id: "rex", teamId: "T", role: "reviewer" }, [], open_);

const open = { status: "open" };
const revealed = { status: "revealed" };

describe("annotations (rules 1 and 2)", () => {
  const annDraft = { authorId: "ann", articleId: "X", roundId: "R", round: open };

  it("shows a draft of an open round to its author alone: not to co-reviewers, editors outside the round, nor an editor in it", () => {
    expect(canSeeAnnotation(ann, annDraft)).toBe(true);
    for (const v of [ben, bea, eve, rex]) expect(canSeeAnnotation(v, annDraft)).toBe(false);
  });

  it("shows a revealed round's annotations and work outside rounds to the team", () => {
    const earlier = { authorId: "ann", articleId: "Y", roundId: "R0", round: revealed };
    const outside = { authorId: "eve", articleId: "Y", roundId: null };
    for (const v of [ann, ben, bea, eve, rex]) {
      expect(canSeeAnnotation(v, earlier)).toBe(true);
      expect(canSeeAnnotation(v, outside)).toBe(true);
    }
  });

  it("shows a member reviewing an article blind only their own work of that round there, not the team's earlier work nor their own", () => {
    expect(canSeeAnnotation(ben, { authorId: "ben", articleId: "X", roundId: "R", round: open })).toBe(true);
    expect(canSeeAnnotation(ben, { authorId: "eve", articleId: "X", roundId: null })).toBe(false);
    expect(canSeeAnnotation(ben, { authorId: "ann", articleId: "X", roundId: "R0", round: revealed })).toBe(false);
    expect(canSeeAnnotation(ben, { authorId: "ben", articleId: "X", roundId: "R0", round: revealed })).toBe(false);
    expect(canSeeAnnotation(ben, { authorId: "ben", articleId: "X", roundId: null })).toBe(false);
    // The rest of the desk stays open to them.
    expect(canSeeAnnotation(ben, { authorId: "eve", articleId: "Y", roundId: null })).toBe(true);
    // Everybody else sees the editor's work on X.
    expect(canSeeAnnotation(eve, { authorId: "eve", articleId: "X", roundId: null })).toBe(true);
    expect(canSeeAnnotation(rex, { authorId: "eve", articleId: "X", roundId: null })).toBe(true);
  });

  it("treats a round annotation whose round it cannot read as hidden", () => {
    expect(canSeeAnnotation(eve, { authorId: "ann", articleId: "Y", roundId: "R9" })).toBe(false);
  });
});

describe("outcome (rule 2)", () => {
  it("hides an article's outcome from those reviewing it blind, editors included, and from no one else", () => {
    for (const v of [ann, ben, bea]) {
      expect(isReviewingBlind(v, "X")).toBe(true);
      expect(canSeeOutcome(v, "X")).toBe(false);
      expect(canSeeOutcome(v, "Y")).toBe(true);
    }
    for (const v of [eve, rex]) expect(canSeeOutcome(v, "X")).toBe(true);
  });
});

describe("library items (rule 3)", () => {
  const made = (by: string, at: string) => ({ createdById: by, createdAt: new Date(at) });

  it("hides an item a co-reviewer made since the round started, from the round's other reviewers only", () => {
    const during = made("ann", "2026-03-01T10:00:00Z");
    expect(canSeeEvidenceItem(ann, during)).toBe(true);
    expect(canSeeEvidenceItem(ben, during)).toBe(false);
    expect(canSeeEvidenceItem(bea, during)).toBe(false);
    expect(canSeeEvidenceItem(eve, during)).toBe(true);
    expect(canSeeEvidenceItem(rex, during)).toBe(true);
  });

  it("shows what the co-reviewer made before the round, and what others make at any time", () => {
    expect(canSeeEvidenceItem(ben, made("ann", "2026-03-01T09:59:59.999Z"))).toBe(true);
    expect(canSeeEvidenceItem(ben, made("eve", "2026-03-02T00:00:00Z"))).toBe(true);
    expect(canSeeEvidenceItem(ben, { createdById: null, createdAt: new Date("2026-03-02T00:00:00Z") })).toBe(true);
  });
});

describe("live events (rule 4)", () => {
  it("addresses a change to a draft of an open round to its author only", () => {
    expect(eventAudience({ authorId: "ann", roundId: "R", round: open })).toEqual(["ann"]);
    // Just created: the round is the author's open one.
    expect(eventAudience({ authorId: "ann", roundId: "R", round: null })).toEqual(["ann"]);
    expect(eventAudience({ authorId: "ann", roundId: "R", round: revealed })).toBeNull();
    expect(eventAudience({ authorId: "eve", roundId: null })).toBeNull();
  });

  it("delivers an event to its audience alone, and of a blind article only the round's own state", () => {
    const draft = { kind: "annotation", article: "X", audience: ["ann"] };
    expect(canReceiveEvent(ann, draft)).toBe(true);
    for (const v of [ben, bea, eve, rex]) expect(canReceiveEvent(v, draft)).toBe(false);

    const editorsNote = { kind: "annotation", article: "X", audience: null };
    const comment = { kind: "comment", article: "X" };
    const roundEvent = { kind: "round", article: "X" };
    for (const v of [ann, ben, bea]) {
      expect(canReceiveEvent(v, editorsNote)).toBe(false);
      expect(canReceiveEvent(v, comment)).toBe(false);
      expect(canReceiveEvent(v, { kind: "cluster", article: "X" })).toBe(false);
      expect(canReceiveEvent(v, roundEvent)).toBe(true);
    }
    for (const v of [eve, rex]) for (const e of [editorsNote, comment, roundEvent]) expect(canReceiveEvent(v, e)).toBe(true);
    expect(canReceiveEvent(ben, { kind: "annotation", article: "Y" })).toBe(true);
    expect(canReceiveEvent(ben, { kind: "notification", article: null, audience: ["eve"] })).toBe(false);
  });
});

describe("a Visibility is required and sealed", () => {
  it("refuses to be made without the viewer's id or team, or with a blind round that is not open", () => {
    expect(() => sealVisibility({ id: "", teamId: "T", role: "editor" }, [], [])).toThrow(/id and team/);
    expect(() => sealVisibility({ id: "eve", teamId: "", role: "editor" }, [], [])).toThrow(/id and team/);
    expect(() => sealVisibility({ id: "ben", teamId: "T", role: "reviewer" }, [round], [])).toThrow(/open round/);
  });

  it("tells a sealed one from a look-alike", () => {
    expect(() => assertVisibility(eve)).not.toThrow();
    const fake = { viewerId: "eve", teamId: "T", role: "editor", blind: [], openRoundIds: [] } as unknown as Visibility;
    expect(() => assertVisibility(fake)).toThrow(/needs the caller's Visibility/);
    expect(() => assertVisibility(undefined as unknown as Visibility)).toThrow();
  });

  it("cannot be widened after it is made", () => {
    expect(Object.isFrozen(eve)).toBe(true);
    expect(Object.isFrozen(ben.blind)).toBe(true);
  });
});

describe("notifications (rule 4)", () => {
  it("on an article reviewed blind, lets only the round's own state through: no decision, correction or mention", () => {
    for (const kind of ["assignment", "submitted", "revealed"]) expect(canSeeNotification(ben, { kind, articleId: "X" })).toBe(true);
    for (const kind of ["decided", "corrected", "mention"]) {
      expect(canSeeNotification(ben, { kind, articleId: "X" })).toBe(false);
      expect(canSeeNotification(bea, { kind, articleId: "X" })).toBe(false);
      expect(canSeeNotification(eve, { kind, articleId: "X" })).toBe(true);
      expect(canSeeNotification(ben, { kind, articleId: "Y" })).toBe(true);
    }
    expect(canSeeNotification(ben, { kind: "mention", articleId: null })).toBe(true);
  });
});
