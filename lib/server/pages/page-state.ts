import { cache } from "react";
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import { getCurrentUser } from "@/lib/auth/current-user";
import { viewerOf, type Viewer } from "@/lib/server/visibility/viewer";
import { AppError } from "@/lib/errors";

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
 * the client would have fetched and nothing but plain data crosses.
 */
export function pageState(entries: [QueryKey, unknown][]): DehydratedState {
  const qc = new QueryClient();
  for (const [key, data] of entries) qc.setQueryData(key, JSON.parse(JSON.stringify(data)) as unknown);
  return dehydrate(qc);
}

/**
 * The state of a page that shows one object read by `read` under `key`, or
 * an empty state when the read refuses (404, 403): the page then asks the API
 * itself and shows that answer, as it did before it was rendered here.
 */
export async function onePageState(key: QueryKey, read: (viewer: Viewer) => Promise<unknown>): Promise<DehydratedState> {
  const viewer = await pageViewer();
  if (!viewer) return pageState([]);
  const data = await read(viewer).catch((e: unknown) => (e instanceof AppError ? undefined : Promise.reject(e)));
  return pageState(data === undefined ? [] : [[key, data]]);
}
