/**
 * A stand-in for a GitHub Enterprise Server on 127.0.0.1: the OAuth
 * authorize and token endpoints and the two REST calls the sign-in makes
 * (/api/v3/user, /api/v3/user/emails). `signInAs` sets who the next person
 * to authorize is and whether GitHub has verified their address. The
 * authorize page sends the browser straight back, as GitHub does for an app
 * the person already allowed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export type FakeGithubUser = { login: string; name: string; email: string; verified: boolean };

export async function startFakeGithub(port: number) {
  let next: FakeGithubUser | null = null;
  const tokens = new Map<string, FakeGithubUser>();
  const codes = new Map<string, FakeGithubUser>();
  const ids = new Map<string, number>();
  let n = 0;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const bearer = (req: IncomingMessage) => tokens.get((req.headers.authorization ?? "").replace(/^(Bearer|token) /i, ""));

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    if (url.pathname === "/login/oauth/authorize") {
      if (!next) return json(res, 400, { error: "nobody to sign in as" });
      const code = `code-${++n}`;
      codes.set(code, next);
      const back = new URL(url.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const user = codes.get(new URLSearchParams(body).get("code") ?? "");
        if (!user) return json(res, 400, { error: "bad_verification_code" });
        const token = `token-${++n}`;
        tokens.set(token, user);
        json(res, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
      });
      return;
    }
    const user = bearer(req);
    if (!user) return json(res, 401, { message: "Bad credentials" });
    // A private address, as most GitHub accounts have: the profile's e-mail is null.
    if (url.pathname === "/api/v3/user")
      return json(res, 200, {
        // One id per login, as GitHub's account ids are.
        id: ids.get(user.login) ?? ids.set(user.login, 4000 + ids.size).get(user.login),
        login: user.login,
        name: user.name,
        email: null,
        avatar_url: "",
      });
    if (url.pathname === "/api/v3/user/emails") return json(res, 200, [{ email: user.email, primary: true, verified: user.verified }]);
    json(res, 404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    signInAs(user: FakeGithubUser) {
      next = user;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
