import { describe, expect, it } from "vitest";
import { articlePermissions, canCorrectArticle, canCreateArticle, canPlaceAnchor } from "./article";

const reviewer = { id: "r", role: "reviewer" as const };
const editor = { id: "e", role: "editor" as const };
const admin = { id: "a", role: "admin" as const };

describe("article policy", () => {
  it("lets every member add an article", () => {
    expect([reviewer, editor, admin].map(canCreateArticle)).toEqual([true, true, true]);
  });
  it("lets only editors and admins correct the text and place anchors", () => {
    expect([reviewer, editor, admin].map(canCorrectArticle)).toEqual([false, true, true]);
    expect([reviewer, editor, admin].map(canPlaceAnchor)).toEqual([false, true, true]);
  });
  it("sends the client exactly what the server enforces", () => {
    expect(articlePermissions(reviewer)).toEqual({
      correct: false,
      placeAnchors: false,
      editMeta: false,
      delete: false,
      restore: false,
      publish: false,
    });
    expect(articlePermissions(admin)).toEqual({
      correct: true,
      placeAnchors: true,
      editMeta: true,
      delete: true,
      restore: true,
      publish: true,
    });
  });
});
