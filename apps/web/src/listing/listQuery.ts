import { type BrowseAnalysesOptions, type Platform, platforms } from "@attrib/store";

/** What the list shows: one page of the analyses that pass its filters. */
export interface ListQuery {
  search: string;
  model: string | null;
  platform: Platform | null;
  /** First day shown, `YYYY-MM-DD` in UTC. */
  from: string | null;
  /** Last day shown, inclusive. */
  to: string | null;
  page: number;
}

/** Search parameters as Next hands them to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Longest search text kept; a longer one is cut, not refused. */
export const MAX_SEARCH_LENGTH = 200;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function first(params: SearchParams, key: string): string {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** A real calendar day as `YYYY-MM-DD`, or null for anything else. */
function parseDay(typed: string): string | null {
  const match = DAY.exec(typed);
  if (!match) return null;
  const day = new Date(`${typed}T00:00:00Z`);
  return Number.isFinite(day.getTime()) && day.toISOString().startsWith(typed)
    ? typed
    : null;
}

function parsePage(typed: string): number {
  const page = Number(typed);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/**
 * Reads the list's parameters, replacing each invalid one with the nearest
 * valid value: a bad page is page 1, an unknown model or platform or an
 * impossible date is no filter, and a date range given backwards is turned
 * round.
 *
 * @param knownModels - names of the models that have analyses
 */
export function parseListQuery(
  params: SearchParams,
  knownModels: readonly string[],
): ListQuery {
  const model = first(params, "model");
  const platform = first(params, "platform");
  let from = parseDay(first(params, "from"));
  let to = parseDay(first(params, "to"));
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    search: first(params, "search").slice(0, MAX_SEARCH_LENGTH),
    model: knownModels.includes(model) ? model : null,
    platform: (platforms as readonly string[]).includes(platform)
      ? (platform as Platform)
      : null,
    from,
    to,
    page: parsePage(first(params, "page")),
  };
}

/** The list's URL parameters, defaults left out, in one fixed order. */
export function listQueryParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set("search", query.search);
  if (query.model) params.set("model", query.model);
  if (query.platform) params.set("platform", query.platform);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

/** The parameters as requested, in the same form, to tell whether they were all valid. */
export function requestedParams(params: SearchParams): URLSearchParams {
  const requested = new URLSearchParams();
  for (const key of ["search", "model", "platform", "from", "to", "page"]) {
    const value = first(params, key);
    if (value && !(key === "page" && value === "1")) requested.set(key, value);
  }
  return requested;
}

/** A link to the list with some of its parameters changed. */
export function listHref(query: ListQuery, changes: Partial<ListQuery> = {}): string {
  const params = listQueryParams({ ...query, ...changes }).toString();
  return params ? `/?${params}` : "/";
}

/** The store's filter for a query; `to` includes its whole day. */
export function toBrowseOptions(query: ListQuery): BrowseAnalysesOptions {
  return {
    search: query.search || undefined,
    model: query.model ?? undefined,
    platform: query.platform ?? undefined,
    from: query.from === null ? undefined : new Date(`${query.from}T00:00:00Z`),
    until:
      query.to === null
        ? undefined
        : new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS),
    page: query.page,
  };
}
