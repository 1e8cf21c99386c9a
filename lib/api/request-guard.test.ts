import { afterEach, describe, expect, it } from "vitest";
import { crossSiteRefusal, isJsonContentType, nonJsonRefusal, requestRefusal } from "./request-guard";

const APP = "http://127.0.0.1:3103";
const req = (method: string, headers: Record<string, string> = {}, body?: string) =>
  new Request(`${APP}/api/articles/a1/claims`, { method, headers: { host: "127.0.0.1:3103", ...headers }, body });
const statusOf = (r: Request) => requestRefusal(r)?.status ?? "ok";

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

describe("requestRefusal", () => {
  it("lets reads through whatever their headers say", () => {
    expect(statusOf(req("GET", { origin: "http://evil.test", "sec-fetch-site": "cross-site" }))).toBe("ok");
    expect(statusOf(req("HEAD", { "sec-fetch-site": "same-site" }))).toBe("ok");
  });

  it("refuses a write from another site, another port of this host included (403)", () => {
    expect(statusOf(req("POST", { origin: "http://127.0.0.1:3999", "content-type": "application/json" }, "{}"))).toBe(403);
    expect(statusOf(req("POST", { "sec-fetch-site": "same-site", "content-type": "application/json" }, "{}"))).toBe(403);
    expect(statusOf(req("DELETE", { "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(statusOf(req("PATCH", { origin: "null", "content-type": "application/json" }, "{}"))).toBe(403);
    expect(crossSiteRefusal(req("POST", { origin: "http://evil.test" }))?.message).toMatch(/came from http:\/\/evil\.test/);
  });

  it("accepts a write from the app's own origin: the configured one or the one addressed", () => {
    expect(statusOf(req("POST", { origin: APP, "sec-fetch-site": "same-origin", "content-type": "application/json" }, "{}"))).toBe("ok");
    process.env.NEXTAUTH_URL = "https://desk.example";
    expect(statusOf(req("POST", { origin: "https://desk.example", "content-type": "application/json" }, "{}"))).toBe("ok");
    expect(statusOf(req("POST", { origin: "https://desk.example:8443", "content-type": "application/json" }, "{}"))).toBe(403);
  });

  it("refuses a body that is not JSON (415), which every simple cross-site request is", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(statusOf(req("POST", { "content-type": type }, "{}"))).toBe(415);
    }
    expect(statusOf(req("POST", {}, "{}"))).toBe(415);
    expect(nonJsonRefusal(req("POST", { "content-type": "text/plain;charset=UTF-8" }, "x"))?.message).toMatch(/not text\/plain/);
  });

  it("lets a client with neither header through with a JSON body, and a write with no body and no type", () => {
    expect(statusOf(req("POST", { "content-type": "application/json; charset=utf-8" }, "{}"))).toBe("ok");
    expect(statusOf(req("POST", { "content-type": "application/ld+json" }, "[]"))).toBe("ok");
    expect(statusOf(req("POST"))).toBe("ok");
    expect(statusOf(req("DELETE"))).toBe("ok");
  });
});

describe("isJsonContentType", () => {
  it("takes application/json and structured +json types only", () => {
    expect(
      ["application/json", "Application/JSON; charset=utf-8", "application/ld+json; profile=x", "application/vnd.api+json"].map(
        isJsonContentType,
      ),
    ).toEqual([true, true, true, true]);
    expect(["text/json", "application/jsonx", "text/plain", "", null].map((t) => isJsonContentType(t))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
