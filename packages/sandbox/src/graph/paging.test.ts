import { describe, expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";

// Graph's cursor paging ("Paginated Results", cursor-based): `before` points at the start of the
// page that was returned, and asking with it gives what comes before that page, never the page
// itself; on the first page there is nothing before.

async function templatesPage(query: string) {
  const h = await startSandbox("happy");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const source = h.graph.sandbox.state.customer.sourceWabaId;
  const get = async (q: string) =>
    (await h.call("GET", `/v26.0/${source}/message_templates?fields=id&${q}`, { token })).body;
  return { get, first: await get(query) };
}

const ids = (page: { data: { id: string }[] }) => page.data.map((t) => t.id);

describe("cursor paging backwards with `before`", () => {
  test("the first page's `before` cursor gives an empty page, not the first page again", async () => {
    const { get, first } = await templatesPage("limit=5");
    expect(ids(first)).toHaveLength(5);
    const before = await get(`limit=5&before=${first.paging.cursors.before}`);
    expect(before.data).toEqual([]);
  });

  test.each([3, 5, 10])(
    "`before` of the second page with limit %i gives only what precedes it",
    async (limit) => {
      const { get, first } = await templatesPage("limit=5");
      const second = await get(`limit=5&after=${first.paging.cursors.after}`);
      expect(ids(second)).toHaveLength(5);
      const back = await get(`limit=${limit}&before=${second.paging.cursors.before}`);
      // The last `limit` items of the first page (all five when limit >= 5), none of the second.
      expect(ids(back)).toEqual(ids(first).slice(-limit));
      expect(ids(back).filter((id) => ids(second).includes(id))).toEqual([]);
    },
  );

  test("`previous` is left out on the first page only, and fetching it pages back", async () => {
    const { get, first } = await templatesPage("limit=5");
    expect(first.paging.previous).toBeUndefined();
    const second = await get(`limit=5&after=${first.paging.cursors.after}`);
    const previous = new URL(second.paging.previous);
    expect(previous.searchParams.has("after")).toBe(false);
    expect(previous.searchParams.has("access_token")).toBe(false);
    expect(ids(await get(previous.searchParams.toString()))).toEqual(ids(first));
  });
});
