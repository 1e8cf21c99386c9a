import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import type { LiveEvent } from "@/lib/events/live-event";
import type { ClaimDto } from "@/lib/schemas/claim";
import { createLiveUpdater, type ArticleDetails } from "./live-updates";
import { queryKeys } from "./keys";

const TEAM = "team-1";
const ARTICLE = "article-1";
const claim = (id: string, version: number, verdict: ClaimDto["verdict"] = "verified") =>
  ({
    id,
    version,
    verdict,
    articleId: ARTICLE,
    start: 0,
    end: 5,
    deletedAt: null,
    roundId: null,
    createdAt: "2026-01-01T00:00:00.000Z",
  }) as unknown as ClaimDto;
const event = (e: Partial<LiveEvent>): LiveEvent => ({ team: TEAM, article: ARTICLE, kind: "annotation", id: "c1", version: 2, ...e });

const clients: QueryClient[] = [];
afterEach(() => {
  for (const qc of clients.splice(0)) qc.clear();
});

/** A cache holding the article page's article and claims, both on screen, and counters of every read. */
function page() {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  clients.push(qc);
  const fetched = { list: 0, article: 0, claim: [] as string[], details: 0 };
  const remote = new Map<string, ClaimDto | null>();
  const article = { id: ARTICLE, version: 1, title: "Old title", currentVersion: { id: "v1", text: "The text." } };
  qc.setQueryData(queryKeys.claims(ARTICLE), [claim("c1", 1), claim("c2", 1)]);
  qc.setQueryData(queryKeys.article(ARTICLE), article);
  const watch = (queryKey: readonly unknown[], queryFn: () => unknown) => new QueryObserver(qc, { queryKey, queryFn }).subscribe(() => {});
  watch(queryKeys.claims(ARTICLE), () => (fetched.list++, [claim("c1", 1), claim("c2", 1)]));
  watch(queryKeys.article(ARTICLE), () => (fetched.article++, article));
  const updater = createLiveUpdater(qc, {
    claim: async (id) => (fetched.claim.push(id), remote.get(id) ?? null),
    articleDetails: async () => (
      fetched.details++,
      { id: ARTICLE, version: 2, title: "New title", currentVersion: { id: "v1" } } as unknown as ArticleDetails
    ),
  });
  const claims = () => qc.getQueryData<ClaimDto[]>(queryKeys.claims(ARTICLE))!;
  return { qc, fetched, remote, updater, claims };
}

describe("live updates", () => {
  it("patches a changed claim from one read of it, and never reads the list or the text", async () => {
    const p = page();
    p.remote.set("c1", claim("c1", 2, "disputed"));
    await p.updater.apply(event({ id: "c1", version: 2 }));
    expect(p.fetched.claim).toEqual(["c1"]);
    expect(p.claims().find((c) => c.id === "c1")!.verdict).toBe("disputed");
    // The same version again (the viewer's own save, already in the cache): nothing to read.
    await p.updater.apply(event({ id: "c1", version: 2 }));
    expect(p.fetched).toMatchObject({ list: 0, article: 0, claim: ["c1"] });
  });

  it("waits for the viewer's own save in flight: its event, come first, then costs nothing", async () => {
    const p = page();
    let answer: (c: ClaimDto) => void = () => {};
    const response = new Promise<ClaimDto>((r) => (answer = r));
    const save = p.qc.getMutationCache().build(p.qc, {
      mutationFn: () => response,
      onSuccess: (c: ClaimDto) => p.qc.setQueryData<ClaimDto[]>(queryKeys.claims(ARTICLE), (l) => l!.map((x) => (x.id === c.id ? c : x))),
    });
    const saving = save.execute(undefined);
    const applied = p.updater.apply(event({ id: "c1", version: 2 }));
    answer(claim("c1", 2, "unsourced"));
    await Promise.all([saving, applied]);
    expect(p.fetched.claim).toEqual([]);
    expect(p.claims().find((c) => c.id === "c1")!.verdict).toBe("unsourced");
  });

  it("adds a new claim, drops a deleted one without a read, and drops one the viewer may no longer see", async () => {
    const p = page();
    p.remote.set("c3", claim("c3", 1));
    await p.updater.apply(event({ id: "c3", version: 1 }));
    await p.updater.apply(event({ id: "c2", version: 2, removed: true }));
    expect(p.claims().map((c) => c.id)).toEqual(["c1", "c3"]);
    // A 404 for the read (hidden by blind review, or gone meanwhile): the claim leaves the list.
    await p.updater.apply(event({ id: "c1", version: 3 }));
    expect(p.claims().map((c) => c.id)).toEqual(["c3"]);
    expect(p.fetched).toMatchObject({ list: 0, article: 0, claim: ["c3", "c1"] });
  });

  it("reads an article's new details without its text, and the text only after a correction", async () => {
    const p = page();
    await p.updater.apply(event({ kind: "article", id: ARTICLE, version: 2 }));
    const held = p.qc.getQueryData<{ title: string; currentVersion: { text: string } }>(queryKeys.article(ARTICLE))!;
    expect([held.title, held.currentVersion.text]).toEqual(["New title", "The text."]);
    expect(p.fetched).toMatchObject({ details: 1, article: 0, list: 0 });
    await p.updater.apply(event({ kind: "article", id: ARTICLE, version: 3, text: true }));
    await expect.poll(() => p.fetched.article).toBe(1);
  });

  it("after a gap (resync) reads what is shown once: the list again, the article's details, not its text", async () => {
    const p = page();
    await p.updater.resync();
    await expect.poll(() => p.fetched.list).toBe(1);
    expect(p.fetched).toMatchObject({ details: 1, article: 0 });
  });
});
