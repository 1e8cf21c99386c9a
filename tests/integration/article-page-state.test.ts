import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { findArticle } from "@/lib/server/articles/find-article";
import { getArticle } from "@/lib/server/articles/get-article";
import { listClaims } from "@/lib/server/claims/list-claims";
import { articlePageState } from "@/lib/server/pages/article-page";
import { viewerOf, type Viewer } from "@/lib/server/visibility/viewer";
import { expandPageState } from "@/lib/queries/compact-claims";
import { queryKeys } from "@/lib/queries/keys";
import { asCurrentUser, makeBlindDesk, type BlindDesk } from "../support/blind-desk";
import type * as FindArticle from "@/lib/server/articles/find-article";

// findArticle as it is, counted: every use case of the page that reads the article goes through it.
vi.mock("@/lib/server/articles/find-article", async (importOriginal) => {
  const original = await importOriginal<typeof FindArticle>();
  return { ...original, findArticle: vi.fn(original.findArticle) };
});

/**
 * The article page's first response (lib/server/pages/article-page.ts): what
 * the browser's cache holds once the page has hydrated, against what the API
 * answers the same viewer, and the article (with its text) read once per page.
 */
let d: BlindDesk;
const as = (who: "editor" | "author" | "coReviewer"): Promise<Viewer> => viewerOf(asCurrentUser(d[who], d.team));
const dataOf = (state: Awaited<ReturnType<typeof articlePageState>>, key: readonly unknown[]) =>
  state.queries.find((q) => JSON.stringify(q.queryKey) === JSON.stringify(key))?.state.data;

beforeEach(async () => {
  d = await makeBlindDesk(db);
});

describe("the article page's state", () => {
  it("reads the article once, and holds what the API answers each viewer, blind review applied", async () => {
    for (const who of ["editor", "author", "coReviewer"] as const) {
      const viewer = await as(who);
      vi.mocked(findArticle).mockClear();
      const state = await articlePageState(viewer, d.x.id);
      expect(vi.mocked(findArticle), who).toHaveBeenCalledTimes(1);
      // As the browser gets it: through JSON, then expanded before react-query sees it (components/ui/page-hydration.tsx).
      const hydrated = expandPageState(JSON.parse(JSON.stringify(state)) as typeof state);
      expect(dataOf(hydrated, queryKeys.article(d.x.id)), who).toEqual(await getArticle(viewer, d.x.id));
      expect(dataOf(hydrated, queryKeys.claims(d.x.id)), who).toEqual(await listClaims(viewer, d.x.id));
    }
    // The co-reviewer's page holds his own draft only, not Ann's.
    const ben = expandPageState(JSON.parse(JSON.stringify(await articlePageState(await as("coReviewer"), d.x.id))));
    expect((dataOf(ben, queryKeys.claims(d.x.id)) as { id: string }[]).map((c) => c.id)).toEqual([d.benOwn.id]);
  });
});
