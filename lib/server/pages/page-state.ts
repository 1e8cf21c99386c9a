import { cache } from "react";
import { notFound } from "next/navigation";
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import { getCurrentUser } from "@/lib/auth/current-user";
import { viewerOf, type Viewer } from "@/lib/server/visibility/viewer";
import { AppError } from "@/lib/errors";
import { findArticle } from "@/lib/server/articles/find-article";
import { isCompactClaims } from "@/lib/queries/compact-claims";

/**
 * The signed-in member as a Viewer, read once per server render (the layout
 * and the page share it), or null when signed out or in no team.
 */
export const pageViewer = cache(async (): Promise<Viewer | null> => {
  const user = await getCurrentUser();
  return user ? viewerOf(user) : null;
});

/**
 * Server-read data handed to the browser's react-query cache
 * (HydrationBoundary): each entry under the key its hook reads, as the API
 * would have answered it. JSON round-tripped, so dates are the same strings
 * the client would have fetched and nothing but plain data crosses; a
 * compact claims list (lib/queries/compact-claims.ts) is made of plain data
 * already and crosses as it is (at 5,000 claims the round trip cost the page 5 ms).
 */
export function pageState(entries: [QueryKey, unknown][]): DehydratedState {
  const qc = new QueryClient();
  for (const [key, data] of entries) qc.setQueryData(key, isCompactClaims(data) ? data : (JSON.parse(JSON.stringify(data)) as unknown));
  return dehydrate(qc);
}

/**
 * The state of a page that shows one object read by `read` under `key`. A
 * missing object (or another team's: the same 404) renders the segment's
 * not-found page with status 404; another refusal (403) an empty state: the
 * page then asks the API itself and shows that answer.
 */
export async function onePageState(key: QueryKey, read: (viewer: Viewer) => Promise<unknown>): Promise<DehydratedState> {
  const viewer = await pageViewer();
  if (!viewer) return pageState([]);
  const data = await read(viewer).catch((e: unknown) => (e instanceof AppError ? orNotFound(e) : Promise.reject(e)));
  return pageState(data === undefined ? [] : [[key, data]]);
}

/** A 404 refusal becomes the not-found page (status 404); other refusals give undefined. */
function orNotFound(e: AppError): undefined {
  if (e.status === 404) notFound();
  return undefined;
}

/** For pages that show an article's parts (versions, correction): the not-found page unless the viewer's team has the article. */
export async function requirePageArticle(articleId: string): Promise<void> {
  const viewer = await pageViewer();
  if (viewer)
    await findArticle(viewer.teamId, articleId).catch((e: unknown) => (e instanceof AppError ? orNotFound(e) : Promise.reject(e)));
}
