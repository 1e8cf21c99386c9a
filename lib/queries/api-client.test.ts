import { describe, expect, it } from "vitest";
import { forPeople } from "./api-client";

describe("forPeople", () => {
  it("drops the field's name the server puts in front of its message, and starts the rest with a capital", () => {
    expect(forPeople("email: Enter a valid e-mail address.", "email")).toBe("Enter a valid e-mail address.");
    expect(forPeople("rationale: must not contain a NUL character.", "rationale")).toBe("Must not contain a NUL character.");
    expect(forPeople("span.start: The selection is empty.", "span.start")).toBe("The selection is empty.");
  });

  it("leaves a message that does not start with its field, or has none, as it is", () => {
    expect(forPeople("The selection is empty.", "start")).toBe("The selection is empty.");
    expect(forPeople("slug: taken", undefined)).toBe("slug: taken");
    expect(forPeople("Slugs: see the docs.", "slug")).toBe("Slugs: see the docs.");
  });
});
