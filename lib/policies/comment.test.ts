import { describe, expect, it } from "vitest";
import { commentChangeRefusal, commentPermissions, threadResolveRefusal } from "./comment";

const ann = { id: "ann", role: "reviewer" as const };
const ben = { id: "ben", role: "reviewer" as const };
const eve = { id: "eve", role: "editor" as const };
const root = { authorId: "ann", parentId: null };
const reply = { authorId: "ann", parentId: "root" };

describe("comment policy", () => {
  it("lets only the author change a comment, and nobody a deleted one", () => {
    expect(commentChangeRefusal(ann, root)).toBeNull();
    expect(commentChangeRefusal(ben, root)).toMatch(/author/);
    expect(commentChangeRefusal(eve, root)).toMatch(/author/);
    expect(commentChangeRefusal(ann, { ...root, deletedAt: new Date() })).toMatch(/deleted/);
  });

  it("lets the thread's starter, the claim's author and editors resolve a thread, on its first comment only", () => {
    expect(threadResolveRefusal(ann, root, { claimAuthorId: "zed" })).toBeNull();
    expect(threadResolveRefusal(ben, root, { claimAuthorId: "ben" })).toBeNull();
    expect(threadResolveRefusal(eve, root, { claimAuthorId: null })).toBeNull();
    expect(threadResolveRefusal(ben, root, { claimAuthorId: "zed" })).toMatch(/started the thread/);
    expect(threadResolveRefusal(eve, reply, { claimAuthorId: null })).toMatch(/first comment/);
  });

  it("sends the same answers to the client", () => {
    expect(commentPermissions(ben, root, { claimAuthorId: "ben" })).toEqual({ edit: false, delete: false, resolve: true });
    expect(commentPermissions(ann, reply, { claimAuthorId: null })).toEqual({ edit: true, delete: true, resolve: false });
  });
});
