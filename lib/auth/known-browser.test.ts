import { afterEach, describe, expect, it } from "vitest";
import { cookieFromHeader, knownBrowserCookie, knownBrowserCookieName, knownBrowserId } from "./known-browser";

const SECRET = "a-test-secret-of-some-length";

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

describe("known-browser cookie", () => {
  it("proves its id for the account it was issued to, and for no other", () => {
    const c = knownBrowserCookie("Owner@Desk.test", SECRET, null);
    const id = c.value.split(".")[0]!;
    expect(knownBrowserId(c.value, "owner@desk.test", SECRET)).toBe(id);
    expect(knownBrowserId(c.value, "other@desk.test", SECRET)).toBeNull();
    expect(knownBrowserId(c.value, "owner@desk.test", "another-secret-entirely")).toBeNull();
    expect(knownBrowserId(`${id}.forged`, "owner@desk.test", SECRET)).toBeNull();
    expect(knownBrowserId(undefined, "owner@desk.test", SECRET)).toBeNull();
    // A browser keeps its id across sign-ins.
    expect(knownBrowserCookie("owner@desk.test", SECRET, id).value).toBe(c.value);
  });

  it("is httpOnly, and Secure with the __Secure- prefix when the public URL is https", () => {
    expect(knownBrowserCookie("a@b.test", SECRET, null).options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    expect(knownBrowserCookieName()).toBe("claimdesk-browser");
    process.env.NEXTAUTH_URL = "https://desk.example";
    expect(knownBrowserCookie("a@b.test", SECRET, null).options.secure).toBe(true);
    expect(knownBrowserCookieName()).toBe("__Secure-claimdesk-browser");
  });

  it("is read from a raw Cookie header", () => {
    expect(cookieFromHeader("a=1; claimdesk-browser=x.y; b=2", "claimdesk-browser")).toBe("x.y");
    expect(cookieFromHeader("a=1", "claimdesk-browser")).toBeNull();
    expect(cookieFromHeader(undefined, "claimdesk-browser")).toBeNull();
  });
});
