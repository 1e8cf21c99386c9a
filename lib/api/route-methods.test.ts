import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/tests/support/route-inventory";
import { apiRouteMethods } from "./route-methods.mjs";

describe("apiRouteMethods (what next.config.js hands the proxy)", () => {
  it("lists every route file and its methods exactly as the tests' route inventory does", () => {
    const root = new URL("../..", import.meta.url).pathname;
    expect(apiRouteMethods(root)).toEqual(apiRoutes(root).map((r) => ({ path: r.path, methods: r.methods })));
    expect(apiRouteMethods(root).find((r) => r.path === "/api/auth/[...nextauth]")?.methods).toEqual(["GET", "POST"]);
  });

  it("is empty where the sources are not deployed", () => {
    expect(apiRouteMethods("/nonexistent")).toEqual([]);
  });
});
