/** One page of a paged list, with the totals its response announced. */
export type FirstPage<T> = { items: T[]; total: number; pageSize: number };

/** Pages fetched at once after the first: enough to overlap round trips, few enough to leave the browser's six connections for other requests. */
export const PARALLEL_PAGES = 4;

/**
 * Every item of a paged list: the first page, then, when it announced more
 * items than it held, the remaining pages, PARALLEL_PAGES at a time, in page
 * order. An item that moved across a page boundary between reads (one was
 * created meanwhile) can come twice: the last copy wins. One deleted
 * meanwhile can shift another out of sight; the live event of that change
 * makes the caller read the list again.
 */
export async function fetchAllPages<T extends { id: string }>(
  first: () => Promise<FirstPage<T>>,
  page: (n: number) => Promise<T[]>,
  parallel = PARALLEL_PAGES,
): Promise<T[]> {
  const head = await first();
  const pages = head.pageSize > 0 ? Math.ceil(head.total / head.pageSize) : 1;
  const rest: T[][] = new Array(Math.max(0, pages - 1));
  let next = 2;
  const worker = async () => {
    for (let n = next++; n <= pages; n = next++) rest[n - 2] = await page(n);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, rest.length) }, worker));
  const byId = new Map<string, T>();
  for (const item of [head.items, ...rest].flat()) byId.set(item.id, item);
  return [...byId.values()];
}
