import { cache } from "react";
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import { getCurrentUser } from "@/lib/auth/current-user";
import { viewerOf, type Viewer } from "@/lib/server/visibility/viewer";

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
