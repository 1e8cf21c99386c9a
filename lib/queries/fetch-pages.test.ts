import { describe, expect, it } from "vitest";
import { fetchAllPages } from "./fetch-pages";

const items = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ id: `c${from + i}` }));

describe("fetchAllPages", () => {
  it("makes one request when the first page holds everything", async () => {
    const asked: number[] = [];
    const all = await fetchAllPages(
      async () => ({ items: items(0, 3), total: 3, pageSize: 5 }),
      async (n) => (asked.push(n), []),
    );
    expect(all.map((c) => c.id)).toEqual(["c0", "c1", "c2"]);
    expect(asked).toEqual([]);
  });

  it("fetches every other page, a few at a time in parallel, and returns them in page order", async () => {
    let running = 0;
    let most = 0;
    const asked: number[] = [];
    const all = await fetchAllPages(
      async () => ({ items: items(0, 10), total: 95, pageSize: 10 }),
      async (n) => {
        asked.push(n);
        most = Math.max(most, ++running);
        // Later pages answer first: order must still be page order.
        await new Promise((r) => setTimeout(r, 20 - n));
        running--;
        return items((n - 1) * 10, Math.min(n * 10, 95));
      },
      3,
    );
    expect(all).toHaveLength(95);
    expect(all.map((c) => c.id)).toEqual(items(0, 95).map((c) => c.id));
    expect(asked.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(most).toBe(3);
  });

  it("keeps one copy of an item that moved across a page boundary between reads", async () => {
    const all = await fetchAllPages(
      async () => ({ items: items(0, 2), total: 4, pageSize: 2 }),
      async () => items(1, 4),
    );
    expect(all.map((c) => c.id)).toEqual(["c0", "c1", "c2", "c3"]);
  });

  it("passes a failed page on, so the query shows an error instead of a partial list", async () => {
    await expect(
      fetchAllPages(
        async () => ({ items: items(0, 2), total: 6, pageSize: 2 }),
        async (n) => {
          if (n === 3) throw new Error("page 3 failed");
          return [];
        },
      ),
    ).rejects.toThrow("page 3 failed");
  });
});
