import { z } from "zod";
import { parsePage } from "@/lib/params";

export const SORTS = ["relevance", "popular", "title", "year", "rating", "ratings"] as const;
export type FilmSort = (typeof SORTS)[number];

export const SORT_LABELS: Record<FilmSort, string> = {
  relevance: "Best match",
  popular: "Most rated, then best rated",
  title: "Title",
  year: "Year (newest first)",
  rating: "Mean rating",
  ratings: "Number of ratings",
};

export const PAGE_SIZE = 24;

export interface BrowseParams {
  q: string;
  genre: string | null;
  decade: number | null;
  sort: FilmSort;
  page: number;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const text = (max: number) => z.preprocess(first, z.string().trim().max(max)).catch("");

const schema = z.object({
  q: text(100),
  genre: text(40),
  decade: z
    .preprocess(
      first,
      z.coerce
        .number()
        .int()
        .min(1870)
        .max(2100)
        .refine((n) => n % 10 === 0)
        .nullable(),
    )
    .catch(null),
  sort: z.preprocess(first, z.enum(SORTS).optional()).catch(undefined),
  page: z.unknown().transform(parsePage),
});

/**
 * Reads the browse page's query string. Anything malformed falls back to a
 * clean default (`?page=-3` is page 1, `?sort=drop table` is the default sort).
 */
export function parseBrowseParams(input: Record<string, string | string[] | undefined>): BrowseParams {
  const decade = first(input.decade);
  const parsed = schema.parse({
    q: input.q ?? "",
    genre: input.genre ?? "",
    decade: decade === undefined || decade === "" ? null : decade,
    sort: input.sort,
    page: input.page ?? 1,
  });
  const q = parsed.q;
  let sort: FilmSort = parsed.sort ?? (q ? "relevance" : "popular");
  if (sort === "relevance" && !q) sort = "popular";
  return { q, genre: parsed.genre || null, decade: parsed.decade, sort, page: parsed.page };
}

/** The browse URL for `params` with `changes` applied; defaults are left out. */
export function browseHref(params: BrowseParams, changes: Partial<BrowseParams> = {}): string {
  const next = { ...params, ...changes };
  const search = new URLSearchParams();
  if (next.q) search.set("q", next.q);
  if (next.genre) search.set("genre", next.genre);
  if (next.decade) search.set("decade", String(next.decade));
  const defaultSort = next.q ? "relevance" : "popular";
  if (next.sort !== defaultSort) search.set("sort", next.sort);
  if (next.page > 1) search.set("page", String(next.page));
  const qs = search.toString();
  return qs ? `/films?${qs}` : "/films";
}

/**
 * Words of a search as a prefix tsquery ("blade run" → "blade:* & run:*").
 * Only letters and digits pass, so nothing typed can change the query's syntax.
 */
export function toPrefixTsquery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/**
 * The browse parameters with the genre checked against the catalogue's: an
 * unknown genre (`?genre=Nope`) filters nothing and is handed back so the page
 * can say so, instead of titling itself "Films: Nope" over an empty list.
 */
export function withKnownGenre(
  params: BrowseParams,
  genres: readonly string[],
): { params: BrowseParams; unknownGenre: string | null } {
  if (!params.genre || genres.includes(params.genre)) return { params, unknownGenre: null };
  return { params: { ...params, genre: null }, unknownGenre: params.genre };
}
