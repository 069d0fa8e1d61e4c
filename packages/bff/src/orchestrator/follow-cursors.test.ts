import { expect, test } from "vitest";
import { followCursors, type GraphPage } from "./follow-cursors.js";

/** Pages of `size` numbers each, `count` in all, linked by cursors as Graph links them. */
function listing(count: number, size: number): Map<string, GraphPage<number>> {
  const pages = new Map<string, GraphPage<number>>();
  for (let start = 0; start < count; start += size) {
    const data = Array.from({ length: Math.min(size, count - start) }, (_, i) => start + i);
    const more = start + size < count;
    pages.set(String(start), {
      data,
      ...(more ? { paging: { cursors: { after: String(start + size) }, next: "https://x" } } : {}),
    });
  }
  return pages;
}

test("reads every page until Graph names no next one", async () => {
  const pages = listing(25, 10);
  const asked: string[] = [];
  const items = await followCursors(
    pages.get("0") as GraphPage<number>,
    async (after) => {
      asked.push(after);
      return pages.get(after) ?? null;
    },
    { maxPages: 50 },
  );
  expect(items).toEqual(Array.from({ length: 25 }, (_, i) => i));
  expect(asked).toEqual(["10", "20"]);
});

test("stops as soon as done says enough", async () => {
  const pages = listing(100, 10);
  const asked: string[] = [];
  const items = await followCursors(
    pages.get("0") as GraphPage<number>,
    async (after) => {
      asked.push(after);
      return pages.get(after) ?? null;
    },
    { maxPages: 50, done: (xs) => xs.includes(15) },
  );
  expect(items).toHaveLength(20);
  expect(asked).toEqual(["10"]);
});

test("stops at a refused page and after maxPages", async () => {
  const pages = listing(100, 10);
  const refused = await followCursors(
    pages.get("0") as GraphPage<number>,
    async (after) => (after === "20" ? null : (pages.get(after) ?? null)),
    { maxPages: 50 },
  );
  expect(refused).toHaveLength(20);
  const capped = await followCursors(
    pages.get("0") as GraphPage<number>,
    async (after) => pages.get(after) ?? null,
    { maxPages: 3 },
  );
  expect(capped).toHaveLength(30);
});

test("a page with a cursor but no next link is the last (Graph's end of a listing)", async () => {
  const items = await followCursors(
    { data: [1], paging: { cursors: { after: "x" } } },
    async () => {
      throw new Error("must not be asked");
    },
    { maxPages: 50 },
  );
  expect(items).toEqual([1]);
});
