import type { Paging } from "@wa-migrate/contracts";

/** One page of a Graph listing: its items and, when more follow, `paging.next` with the cursor. */
export interface GraphPage<T> {
  data: T[];
  paging?: Paging | undefined;
}

/**
 * Pages of numbers (100 a page) read before a search for one number gives up: 5,000 numbers, far
 * beyond any real WhatsApp Business Account.
 */
export const MAX_PHONE_PAGES = 50;

/** When {@link followCursors} stops reading. */
export interface FollowOptions<T> {
  /** Pages read at most, `first` included. */
  maxPages: number;
  /** Enough has been read (e.g. the number looked for is on a page): no further page. */
  done?: (items: T[]) => boolean;
}

/**
 * The items of a Graph listing from a page already read, following Graph's cursors: `next(after)`
 * reads the page after that cursor. It stops when `done` says enough, when Graph names no next
 * page, when `next` answers null (the page was refused), or after `maxPages` pages. Every listing
 * of the BFF pages this way, so an account larger than one page never looks smaller than it is.
 *
 * @example
 * const phones = await followCursors(firstPage, (after) => graph.listPhones(wabaId, token, after), {
 *   maxPages: 50,
 *   done: (items) => items.some((p) => p.id === phoneNumberId),
 * });
 */
export async function followCursors<T>(
  first: GraphPage<T>,
  next: (after: string) => Promise<GraphPage<T> | null>,
  options: FollowOptions<T>,
): Promise<T[]> {
  const items = [...first.data];
  let page: GraphPage<T> | null = first;
  for (let n = 1; n < options.maxPages && !options.done?.(items); n++) {
    const after = page.paging?.next ? page.paging.cursors?.after : undefined;
    if (!after) break;
    page = await next(after);
    if (!page) break;
    items.push(...page.data);
  }
  return items;
}
