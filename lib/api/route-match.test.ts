import { describe, expect, it } from "vitest";
import { checkApiPath, pathEscapesAreValid, type RouteEntry } from "./route-match";

const ROUTES: RouteEntry[] = [
  { path: "/api/articles", methods: ["GET", "POST"] },
  { path: "/api/articles/[articleId]", methods: ["GET", "PATCH"] },
  { path: "/api/articles/preview", methods: ["POST"] },
  { path: "/api/claims/[claimId]/restore", methods: ["POST"] },
  { path: "/api/auth/[...nextauth]", methods: ["GET", "POST"] },
];
const check = (method: string, path: string) => checkApiPath(ROUTES, method, path);

describe("checkApiPath", () => {
  it("lets through a method the matched route exports, HEAD with GET, and OPTIONS", () => {
    expect(check("POST", "/api/claims/c1/restore")).toEqual({ ok: true });
    expect(check("GET", "/api/articles/")).toEqual({ ok: true });
    expect(check("HEAD", "/api/articles/a1")).toEqual({ ok: true });
    expect(check("OPTIONS", "/api/claims/c1/restore")).toEqual({ ok: true });
    expect(check("POST", "/api/auth/callback/credentials")).toEqual({ ok: true });
  });

  it("prefers a static segment over a param, as Next.js does", () => {
    expect(check("POST", "/api/articles/preview")).toEqual({ ok: true });
    expect(check("PATCH", "/api/articles/preview")).toMatchObject({ status: 405, allow: ["POST"] });
  });

  it("answers 405 with the methods the route takes", () => {
    expect(check("DELETE", "/api/articles/a1")).toEqual({
      ok: false,
      status: 405,
      error: "DELETE is not allowed here; this endpoint takes GET, PATCH.",
      allow: ["GET", "PATCH"],
    });
  });

  it("answers 404 for a path no route serves", () => {
    expect(check("GET", "/api/nope")).toMatchObject({ status: 404 });
    expect(check("GET", "/api/claims/c1")).toMatchObject({ status: 404 });
    expect(check("GET", "/api/auth")).toMatchObject({ status: 404 });
  });

  it("answers 400 naming the param for a malformed escape, before anything else", () => {
    expect(check("POST", "/api/claims/%ff/restore")).toEqual({
      ok: false,
      status: 400,
      error: "claimId: The address holds a malformed % escape.",
      field: "claimId",
    });
    expect(check("DELETE", "/api/articles/%E0%A4%A")).toMatchObject({ status: 400, field: "articleId" });
    expect(check("GET", "/api/auth/%")).toMatchObject({ status: 400, field: "nextauth" });
    expect(check("GET", "/api/%zz")).toEqual({ ok: false, status: 400, error: "The address holds a malformed % escape." });
  });

  it("reads well-formed escapes, including an encoded slash inside one segment", () => {
    expect(check("POST", "/api/claims/a%2Fb/restore")).toEqual({ ok: true });
    expect(check("POST", "/api/claims/%25ff/restore")).toEqual({ ok: true });
    expect(check("POST", "/api/%61rticles")).toEqual({ ok: true });
  });
});

describe("pathEscapesAreValid", () => {
  it("finds malformed escapes in page paths", () => {
    expect(pathEscapesAreValid("/articles/%ff")).toBe(false);
    expect(pathEscapesAreValid("/articles/a%20b")).toBe(true);
  });
});
