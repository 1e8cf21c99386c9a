import { describe, expect, it } from "vitest";
import { githubEndpoints } from "./github";

describe("githubEndpoints", () => {
  it("are github.com's by default, with the REST API on api.github.com", () => {
    expect(githubEndpoints(undefined)).toEqual({
      authorize: "https://github.com/login/oauth/authorize",
      token: "https://github.com/login/oauth/access_token",
      user: "https://api.github.com/user",
      emails: "https://api.github.com/user/emails",
    });
  });

  it("are an Enterprise Server's, with its REST API under /api/v3, whether or not the URL ends in a slash", () => {
    for (const base of ["https://github.example.org", "https://github.example.org/"])
      expect(githubEndpoints(base)).toEqual({
        authorize: "https://github.example.org/login/oauth/authorize",
        token: "https://github.example.org/login/oauth/access_token",
        user: "https://github.example.org/api/v3/user",
        emails: "https://github.example.org/api/v3/user/emails",
      });
  });
});
