import { type GraphError, invalidParam } from "./graph-error.js";
import { type Params, str, uint } from "./params.js";

const encode = (index: number) => Buffer.from(`idx:${index}`).toString("base64url");

function decode(cursor: string, name: string): number {
  const match = /^idx:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw invalidParam(name, "is not a valid cursor") as GraphError;
  return Number(match[1]);
}

/**
 * Cursor paging as Graph does it: `limit`, `after`, `before`; `paging.cursors` always, `next` when
 * there is more, `previous` when the page is not the first.
 *
 * @example
 * const { data, paging } = paginate(items, params, url, 25);
 */
export function paginate<T>(
  items: T[],
  params: Params,
  url: URL,
  defaultLimit: number,
): { data: T[]; paging?: Record<string, unknown> } {
  const limit = Math.min(uint(params, "limit") ?? defaultLimit, 1000) || defaultLimit;
  const after = str(params, "after");
  const before = str(params, "before");
  let start = 0;
  // `before` points at the first item of the page it came from: the answer ends just ahead of
  // it, so paging backwards never repeats that page and stops (empty) at the first one.
  let stop = items.length;
  if (after) start = decode(after, "after") + 1;
  else if (before) {
    stop = decode(before, "before");
    start = Math.max(0, stop - limit);
  }
  const page = items.slice(start, Math.min(start + limit, stop));
  if (page.length === 0) return { data: [] };
  const end = start + page.length - 1;
  const paging: Record<string, unknown> = {
    cursors: { before: encode(start), after: encode(end) },
  };
  if (end < items.length - 1) {
    const next = new URL(url);
    next.searchParams.delete("before");
    next.searchParams.delete("access_token");
    next.searchParams.set("after", encode(end));
    paging.next = next.toString();
  }
  // Graph leaves `previous` out on the first page only ("if not included, this is the first page").
  if (start > 0) {
    const previous = new URL(url);
    previous.searchParams.delete("after");
    previous.searchParams.delete("access_token");
    previous.searchParams.set("before", encode(start));
    paging.previous = previous.toString();
  }
  return { data: page, paging };
}

/**
 * The URL of `/{nodeId}/{edge}` on the same host and version as `request`, with a nested
 * selection's `fields` and `limit`: where the `paging.next` of an expanded edge points, as Graph's
 * own nested pages do (fetching it gives the next page of that edge alone).
 *
 * @example
 * edgeUrl(request, wabaId, "phone_numbers", { fields: "id", limit: 100 }).pathname; // "/v26.0/1/phone_numbers"
 */
export function edgeUrl(
  request: Request,
  nodeId: string,
  edge: string,
  selection: { fields: string | undefined; limit: number | undefined },
): URL {
  const base = new URL(request.url);
  const first = base.pathname.split("/").find((s) => s !== "");
  const version = first && /^v\d{1,2}\.\d$/.test(first) ? `/${first}` : "";
  const url = new URL(`${version}/${encodeURIComponent(nodeId)}/${edge}`, base.origin);
  if (selection.fields !== undefined) url.searchParams.set("fields", selection.fields);
  if (selection.limit !== undefined) url.searchParams.set("limit", String(selection.limit));
  return url;
}
