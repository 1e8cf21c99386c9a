import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fetchPage } from "@/lib/fetch/fetch-page";
import { fetchArticle } from "@/lib/server/articles/fetch-article";
import { previewArticle } from "@/lib/server/articles/preview-article";
import { createArticle } from "@/lib/server/articles/create-article";
import { downloadSnapshot } from "@/lib/server/articles/download-snapshot";
import { makeDesk, makeMember } from "../support/actors";
import { errorCode } from "../support/error-code";
import { redirect, send, startPageServer, type PageServer } from "../support/page-server";
import { warmExtraction } from "../support/warm-extraction";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/extraction/${name}.html`, import.meta.url));
const ALLOW = ["127.0.0.1"];
const MIB = 1024 * 1024;

/** The refusal's message, or "ok". */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof AppError) {
      expect(e.status).toBe(400);
      expect(e.field).toBe("url");
      return e.message;
    }
    throw e;
  }
}

let server: PageServer;
let desk: Awaited<ReturnType<typeof makeDesk>>;

beforeAll(async () => {
  desk = await makeDesk(db);
  const korean = fixture("ko-euckr-table-layout");
  server = await startPageServer({
    "/news": send(fixture("wp-council-budget")),
    "/korean-header-only": send(Buffer.from(korean.toString("latin1").replace(/<meta http-equiv="Content-Type"[^>]*>/, ""), "latin1"), {
      "Content-Type": "text/html; charset=EUC-KR",
    }),
    "/plain": send("NATO chief visits Seoul.\n\nHe met the foreign minister.", { "Content-Type": "text/plain; charset=utf-8" }),
    "/gzip": send(gzipSync(fixture("wp-council-budget")), { "Content-Type": "text/html", "Content-Encoding": "gzip" }),
    "/r1": redirect("/r2"),
    "/r2": redirect("/news", 301),
    "/loop": redirect("/loop"),
    "/to-private": redirect("http://10.1.2.3/admin"),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-ftp": redirect("ftp://127.0.0.1/file"),
    "/pdf": send("%PDF-1.7", { "Content-Type": "application/pdf" }),
    "/untyped": (_req, res) => void res.end("<p>no type</p>"),
    "/missing": (_req, res) => void res.writeHead(404, { "Content-Type": "text/html" }).end("gone"),
    "/declared-too-large": (_req, res) =>
      void res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(11 * MIB) }).end(),
    "/streams-too-much": (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      const chunk = Buffer.alloc(MIB, 0x61);
      let sent = 0;
      const push = () => {
        while (sent < 12 && res.write(chunk)) sent++;
        if (sent < 12) res.once("drain", push);
        else res.end();
      };
      push();
    },
    "/gzip-bomb": send(gzipSync(Buffer.alloc(12 * MIB, 0x61)), { "Content-Type": "text/html", "Content-Encoding": "gzip" }),
    "/slow": (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<p>first bytes");
      // Never finishes in time.
    },
  });
  await warmExtraction();
});

afterAll(() => server.close());

describe("import by URL", () => {
  it("fetches a page, keeps it as a snapshot, previews it with its metadata and saves it as the article's snapshot", async () => {
    const snapshot = await fetchArticle(desk.reviewer, { url: server.url("/news") });
    expect(snapshot).toMatchObject({
      requestedUrl: server.url("/news"),
      finalUrl: server.url("/news"),
      status: 200,
      contentType: "text/html; charset=utf-8",
    });
    const row = await db.articleSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } });
    expect(Buffer.from(row.body).equals(fixture("wp-council-budget"))).toBe(true);
    expect(row).toMatchObject({
      teamId: desk.team.id,
      createdById: desk.reviewer.id,
      articleId: null,
      size: fixture("wp-council-budget").byteLength,
    });

    const preview = await previewArticle(desk.reviewer, { snapshotId: snapshot.id, restore: [], drop: [] });
    // The headline is the title, not the text's first line again: the text opens with the standfirst.
    expect(preview.text.split("\n")[0]).toBe("Libraries keep their Sunday hours, but the road repair fund shrinks by a fifth.");
    expect(preview.found).toMatchObject({
      title: { value: "Council approves $412 million budget after six-hour meeting", detail: "JSON-LD NewsArticle headline" },
      author: { value: "Maria Delgado" },
      outlet: { value: "Riverside Ledger" },
      publishedDate: { value: "2023-03-14" },
      modifiedDate: { value: "2023-03-15" },
      url: { value: "https://riversideledger.org/2023/03/14/council-approves-budget/" },
    });

    const libraries = preview.lines.find((l) => l.text.startsWith("Libraries keep their Sunday hours"))!.index;
    const meta = {
      title: "Council budget vote",
      outlet: "Riverside Ledger",
      author: "Maria Delgado",
      publishedDate: "2023-03-14",
      modifiedDate: null,
      url: preview.found.url!.value,
    };
    const article = await createArticle(desk.reviewer, { snapshotId: snapshot.id, restore: [], drop: [libraries], ...meta });
    expect(article.snapshot).toMatchObject({ id: snapshot.id, finalUrl: server.url("/news"), status: 200 });
    expect(article.currentVersion.text).not.toContain("Libraries keep their Sunday hours");
    // Each line's kind is stored with the version, aligned to its lines: the subhead and the list items of the page.
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: article.id } });
    const lines = version.text.split("\n");
    const kinds = version.lineKinds as string[];
    expect(kinds).toHaveLength(lines.length);
    expect(kinds[lines.indexOf("What changes for residents")]).toBe("heading");
    expect(kinds[lines.findIndex((l) => l.startsWith("Water rates rise 4 percent"))]).toBe("list-item");
    expect(article.currentVersion.lineKinds).toEqual(kinds);
    const saved = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(saved.metaSources).toEqual({
      title: "editor",
      outlet: "JSON-LD NewsArticle publisher",
      author: "JSON-LD NewsArticle author",
      publishedDate: "JSON-LD NewsArticle datePublished",
      url: 'link rel="canonical"',
    });
    expect(saved.sourceRef).toMatch(/^url#/);

    // The snapshot downloads as it was fetched, inert.
    const res = await downloadSnapshot(desk.editor, article.id);
    expect(Buffer.from(await res.arrayBuffer()).equals(fixture("wp-council-budget"))).toBe(true);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="127\.0\.0\.1-\d{8}-\d{6}\.html"/);
    expect(res.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(res.headers.get("X-Snapshot-Status")).toBe("200");
    // Saved once: the same snapshot cannot become a second article; another team cannot see it.
    expect(await errorCode(createArticle(desk.reviewer, { snapshotId: snapshot.id, restore: [], drop: [], ...meta }))).toBe(
      "409:snapshotId",
    );
    const stranger = await makeDesk(db);
    expect(await errorCode(previewArticle(stranger.editor, { snapshotId: snapshot.id, restore: [], drop: [] }))).toBe("404:");
    expect(await errorCode(downloadSnapshot(stranger.editor, article.id))).toBe("404:");
    expect(await errorCode(downloadSnapshot(desk.editor, desk.article.id))).toBe("404:");
  });

  it("follows up to 5 redirects, checking each; the final URL is kept", async () => {
    const page = await fetchPage(server.url("/r1"), { allow: ALLOW });
    expect(page.finalUrl).toBe(server.url("/news"));
    expect(await refusal(fetchPage(server.url("/loop"), { allow: ALLOW }))).toMatch(/redirected more than 5 times/);
    expect(server.hits.get("/loop")).toBe(6);
  });

  it("refuses a redirect to a private or metadata address, before connecting to it", async () => {
    expect(await refusal(fetchPage(server.url("/to-private"), { allow: ALLOW }))).toMatch(/10\.1\.2\.3.*private network/);
    expect(await refusal(fetchPage(server.url("/to-metadata"), { allow: ALLOW }))).toMatch(/169\.254\.169\.254.*link-local.*metadata/);
    expect(await refusal(fetchPage(server.url("/to-ftp"), { allow: ALLOW }))).toMatch(/Only http/);
  });

  it("refuses private, loopback, link-local and metadata addresses, by literal or after DNS resolution", async () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://[::1]/",
      "http://0.0.0.0/",
      "http://2130706433/",
      "http://192.168.1.1/",
      "http://[fd00:ec2::254]/",
      "http://[::ffff:10.0.0.1]/",
      "http://100.100.100.200/",
    ]) {
      expect(await refusal(fetchPage(url)), url).toMatch(/not fetched/);
    }
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 as const },
      { address: "10.0.0.7", family: 4 as const },
    ];
    expect(await refusal(fetchPage("http://news.example/", { resolve }))).toMatch(/news\.example resolves to 10\.0\.0\.7/);
    const metadata = async () => [{ address: "169.254.169.254", family: 4 as const }];
    expect(await refusal(fetchPage("http://metadata.google.internal/", { resolve: metadata }))).toMatch(/link-local/);
    expect(
      await refusal(
        fetchPage("http://no-such-host.invalid/", {
          resolve: async () => {
            throw new Error("ENOTFOUND");
          },
        }),
      ),
    ).toMatch(/could not be found/);
  });

  it("connects to the address it checked: a second DNS answer cannot rebind the connection", async () => {
    let calls = 0;
    // First answer: the test server (allowed). Any later answer: a private address.
    const rebinding = async () =>
      calls++ === 0 ? [{ address: "127.0.0.1", family: 4 as const }] : [{ address: "10.9.9.9", family: 4 as const }];
    const port = new URL(server.origin).port;
    const before = server.hits.get("/plain") ?? 0;
    const page = await fetchPage(`http://rebind.test:${port}/plain`, { allow: ALLOW, resolve: rebinding });
    expect(page.body.toString()).toContain("NATO chief visits Seoul.");
    expect(server.hits.get("/plain")).toBe(before + 1);
    expect(calls).toBe(1);
  });

  it("refuses other schemes, credentials and what is not a web address", async () => {
    for (const [url, reason] of [
      ["ftp://example.org/a", /Only http/],
      ["file:///etc/passwd", /Only http/],
      ["javascript:alert(1)", /Only http/],
      ["https://user:pw@example.org/", /user name or password/],
      ["not a url", /not a web address/],
    ] as const) {
      expect(await refusal(fetchPage(url))).toMatch(reason);
    }
  });

  it("refuses a page over 10 MiB (declared, streamed or decompressed), a slow page, and what is not HTML or text", async () => {
    expect(await refusal(fetchPage(server.url("/declared-too-large"), { allow: ALLOW }))).toMatch(/larger than 10 MiB/);
    expect(await refusal(fetchPage(server.url("/streams-too-much"), { allow: ALLOW }))).toMatch(/larger than 10 MiB/);
    expect(await refusal(fetchPage(server.url("/gzip-bomb"), { allow: ALLOW }))).toMatch(/larger than 10 MiB/);
    expect(await refusal(fetchPage(server.url("/slow"), { allow: ALLOW, timeoutMs: 1000 }))).toMatch(/longer than 1 s/);
    expect(await refusal(fetchPage(server.url("/pdf"), { allow: ALLOW }))).toMatch(/serves application\/pdf/);
    expect(await refusal(fetchPage(server.url("/untyped"), { allow: ALLOW }))).toMatch(/not an HTML page or plain text/);
    expect(await refusal(fetchPage(server.url("/missing"), { allow: ALLOW }))).toMatch(/answered 404 Not Found/);
    // Through the use case too: a refusal is a 400 naming the field, and keeps nothing.
    const before = await db.articleSnapshot.count({ where: { teamId: desk.team.id } });
    expect(await errorCode(fetchArticle(desk.reviewer, { url: server.url("/pdf") }))).toBe("400:url");
    expect(await errorCode(fetchArticle(desk.reviewer, { url: "http://10.0.0.1/" }))).toBe("400:url");
    expect(await db.articleSnapshot.count({ where: { teamId: desk.team.id } })).toBe(before);
  });

  it("reads gzip, plain text, and a page whose only charset is the HTTP header's (EUC-KR)", async () => {
    expect((await fetchPage(server.url("/gzip"), { allow: ALLOW })).body.equals(fixture("wp-council-budget"))).toBe(true);
    const plain = await fetchArticle(desk.reviewer, { url: server.url("/plain") });
    expect((await previewArticle(desk.reviewer, { snapshotId: plain.id, restore: [], drop: [] })).text).toBe(
      "NATO chief visits Seoul.\nHe met the foreign minister.",
    );
    const korean = await fetchArticle(desk.reviewer, { url: server.url("/korean-header-only") });
    const preview = await previewArticle(desk.reviewer, { snapshotId: korean.id, restore: [], drop: [] });
    expect(preview.encoding).toBe("EUC-KR");
    expect(preview.text).toContain("옌스 스톨텐베르그 북대서양조약기구(NATO·나토) 사무총장이 30일 서울에서 박진 외교부 장관과 회담하고");
  });

  it("keeps each user's unsaved snapshots bounded", async () => {
    const member = await makeMember(db, desk.team, "reviewer");
    for (let i = 0; i < 22; i++) await fetchArticle(member, { url: server.url("/plain") });
    expect(await db.articleSnapshot.count({ where: { createdById: member.id, articleId: null } })).toBe(20);
  });
});
