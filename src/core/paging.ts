// Apple's paged lists, one page at a time: what a page body holds, where its `next` leads, and
// a trail that refuses to go round in circles. Used by the API client and the library list.
import { AppleMusicApiError } from './errors.js';
import { paramName, queryKeys } from './query.js';

/** One page of a paginated list (`page()`, `paginatePages()`). */
export interface ApiPage<T = unknown> {
  /** The page's resources (entries that are not objects are left out). */
  data: T[];
  /**
   * Path of the next page, with the parameters of this request that Apple's link leaves out
   * (its `next` carries only `offset`) put back, so it asks for the same `limit`. Absent on
   * the last page, and on a page without resources whatever Apple says: an empty page ends
   * the list.
   */
  next?: string;
  /** `meta.total` when Apple sends it. */
  total?: number;
  /** How many entries of `data` were not resources (`null`, numbers, …) and were left out. */
  skipped: number;
  response: Response;
}

interface PageBody {
  data?: unknown;
  next?: unknown;
  meta?: { total?: unknown };
}

const isResource = (entry: unknown): boolean => typeof entry === 'object' && entry !== null && !Array.isArray(entry);

/**
 * Reads the body of the page that `requestUrl` answered. Throws `INVALID_RESPONSE` when it is
 * not a page of resources. `group` reads a search answer's `results.<group>` instead; a search
 * without matches leaves the group out, which reads as an empty last page.
 */
export function readPage<T>(body: unknown, requestUrl: string, response: Response, group?: string): ApiPage<T> {
  let page = body as PageBody | undefined;
  if (group !== undefined) {
    const results = (body as { results?: unknown } | undefined)?.results;
    if (typeof results !== 'object' || results === null || Array.isArray(results)) page = undefined;
    else page = Object.hasOwn(results, group) ? ((results as Record<string, PageBody>)[group] ?? undefined) : { data: [] };
  }
  const { data, next, meta }: PageBody = page ?? {};
  if (!Array.isArray(data) || (next != null && typeof next !== 'string')) {
    throw new AppleMusicApiError({ status: response.status, code: 'INVALID_RESPONSE', message: 'Not a page of resources' });
  }
  const resources = data.filter(isResource) as T[];
  return {
    data: resources,
    next: resources.length && next ? withRequestParams(next, requestUrl) : undefined,
    total: typeof meta?.total === 'number' ? meta.total : undefined,
    skipped: data.length - resources.length,
    response,
  };
}

/** `link` plus the query parameters of `requestUrl` it does not set itself (`offset` aside). */
function withRequestParams(link: string, requestUrl: string): string {
  const own = queryKeys(link);
  const search = requestUrl.split('#')[0]!.split('?')[1] ?? '';
  const carried = search.split('&').filter((pair) => pair && paramName(pair) !== 'offset' && !own.has(paramName(pair)));
  const bare = link.split('#')[0]!;
  return carried.length ? `${bare}${bare.includes('?') ? '&' : '?'}${carried.join('&')}` : bare;
}

/**
 * Where a paged list goes next. `follow` moves on to a page's `next` and refuses one it has
 * already followed: a server repeating a link would otherwise be asked for it forever.
 */
export class PageTrail {
  readonly #seen = new Set<string>();

  /** `next`: the first page's path; `undefined` once the list has ended. */
  constructor(public next?: string) {}

  follow({ next, response }: ApiPage): void {
    if (next !== undefined) {
      if (this.#seen.has(next))
        throw new AppleMusicApiError({ status: response.status, code: 'INVALID_RESPONSE', message: `Repeated next: ${next}` });
      this.#seen.add(next);
    }
    this.next = next;
  }
}
