import { describe, expect, it } from "vitest";
import { findMentions } from "./find-mentions";

const team = [
  { id: "riya", name: "Riya Reviewer", email: "reviewer1@claimdesk.test" },
  { id: "rafael", name: "Rafael Reviewer", email: "reviewer2@claimdesk.test" },
  { id: "eddie", name: "Eddie Editor", email: "editor@claimdesk.test" },
  { id: "eddie2", name: "Eddie Other", email: "e.other@claimdesk.test" },
];

describe("findMentions", () => {
  it("finds teammates by e-mail local part, full name without spaces, or unique first name", () => {
    expect(findMentions("@reviewer1 and @RafaelReviewer, see this", team)).toEqual(["riya", "rafael"]);
    expect(findMentions("Thanks @riya.", team)).toEqual(["riya"]);
    expect(findMentions("ping @e.other", team)).toEqual(["eddie2"]);
  });

  it("mentions each person once and ignores unknown handles, e-mail addresses and ambiguous first names", () => {
    expect(findMentions("@riya @Riya @reviewer1", team)).toEqual(["riya"]);
    expect(findMentions("@nobody wrote to x@reviewer1.org", team)).toEqual([]);
    expect(findMentions("@eddie can you look", team)).toEqual([]);
    expect(findMentions("@EddieEditor can you look", team)).toEqual(["eddie"]);
  });
});
