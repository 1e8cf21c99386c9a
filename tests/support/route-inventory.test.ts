import { describe, expect, it } from "vitest";
import { apiRoutes, exportedMethods, routeUrl } from "./route-inventory";

describe("route inventory", () => {
  it("reads every handler form a route file may use", () => {
    expect(exportedMethods("export const GET = withUser(() => 1);\nexport const PATCH = x;")).toEqual(["GET", "PATCH"]);
    expect(exportedMethods("export async function POST(req) {}\nexport function DELETE() {}")).toEqual(["POST", "DELETE"]);
    expect(exportedMethods("export { handler as GET, handler as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("const GET = 1; export const runtime = 'nodejs';")).toEqual([]);
  });

  it("lists the app's routes with their dynamic segments and methods", () => {
    const routes = apiRoutes();
    const claim = routes.find((r) => r.path === "/api/claims/[claimId]");
    expect(claim).toMatchObject({ file: "app/api/claims/[claimId]/route.ts", params: ["claimId"], methods: ["GET", "PATCH", "DELETE"] });
    expect(routes.find((r) => r.path === "/api/auth/[...nextauth]")?.params).toEqual(["...nextauth"]);
    expect(routes.length).toBeGreaterThanOrEqual(41);
    expect(routes.every((r) => r.methods.length > 0)).toBe(true);
    expect(routeUrl(claim!, { claimId: "a b" })).toBe("/api/claims/a%20b");
  });
});
