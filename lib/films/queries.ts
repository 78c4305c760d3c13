import "server-only";
import { cache } from "react";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { filmCredits, films, people, ratings } from "@/db/schema";
import type { CreditRole } from "@/db/schema";
import { PAGE_SIZE, toPrefixTsquery, type BrowseParams } from "./browse-params";
import { paginate, type Page } from "@/lib/pagination";

/** A film as a list shows it. */
export interface FilmCard {
  /** The film's id: a poster grid sends it with the viewer payload request, for the member's watchlist buttons. */
  id: number;
  slug: string;
  title: string;
  year: number | null;
  genres: string[];
  runtimeMinutes: number | null;
  ratingCount: number;
  halfStarsTotal: number;
  /** The first-billed director, for the poster; null when the catalogue names none. */
  director: string | null;
}

// The director rides along as a column (film_credits_film_idx), so a page of cards stays one query.
// Spelled out in full: in a one-table select Drizzle leaves its columns unqualified, which the
// subquery's own tables would capture.

const cardColumns = {
  id: films.id,
  slug: films.slug,
  title: films.title,
  year: films.year,
  genres: films.genres,
  runtimeMinutes: films.runtimeMinutes,
  ratingCount: films.ratingCount,
  halfStarsTotal: films.halfStarsTotal,
  director: sql<string | null>`(select director.name from film_credits director_credit
    join people director on director.id = director_credit.person_id
    where director_credit.film_id = "films"."id" and director_credit.role = 'director'
    order by director_credit.billing_order limit 1)`,
};

export type BrowseResult = Page<FilmCard>;

const meanExpression = sql`(${films.halfStarsTotal}::numeric / nullif(${films.ratingCount}, 0))`;

/**
 * One page of the catalogue for the browse page: full-text search over titles
 * and people's names (each word as a prefix), genre and decade filters, a sort.
 * One query, whatever the page size.
 */
export async function browseFilms(params: BrowseParams): Promise<BrowseResult> {
  const db = await getDb();
  const conditions: SQL[] = [];
  const tsquery = params.q ? toPrefixTsquery(params.q) : null;
  const query = tsquery ? sql`to_tsquery('simple', ${tsquery})` : null;
  if (params.q && !query) return paginate([], 0, params.page, PAGE_SIZE);
  if (query) {
    conditions.push(
      sql`(${films.search} @@ ${query} or ${films.id} in (
        select ${filmCredits.filmId} from ${filmCredits}
        join ${people} on ${people.id} = ${filmCredits.personId}
        where ${people.search} @@ ${query}))`,
    );
  }
  if (params.genre) conditions.push(sql`${films.genres} @> array[${params.genre}]::text[]`);
  if (params.decade) {
    conditions.push(sql`${films.year} between ${params.decade} and ${params.decade + 9}`);
  }

  const order: SQL[] = (() => {
    switch (params.sort) {
      case "relevance":
        return [
          sql`(lower(${films.title}) = lower(${params.q})) desc`,
          sql`ts_rank(${films.search}, ${query!}) desc`,
          sql`${films.ratingCount} desc`,
          asc(films.title),
          asc(films.id),
        ];
      case "popular":
        // The films members talk about first; among the unrated, the newest (films_popular_idx).
        return [
          sql`${films.ratingCount} desc nulls last`,
          sql`${meanExpression} desc nulls last`,
          sql`${films.year} desc nulls last`,
          asc(films.title),
          asc(films.id),
        ];
      case "year":
        return [sql`${films.year} desc nulls last`, asc(films.title), asc(films.id)];
      case "rating":
        return [sql`${meanExpression} desc nulls last`, desc(films.ratingCount), asc(films.title), asc(films.id)];
      case "ratings":
        return [desc(films.ratingCount), asc(films.title), asc(films.id)];
      case "title":
        return [asc(films.title), asc(films.id)];
    }
  })();

  const rows = await db
    .select({ ...cardColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(films)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...order)
    .limit(PAGE_SIZE)
    .offset((params.page - 1) * PAGE_SIZE);

  // A page past the end has no rows to carry the total; the page links then
  // come from a count of its own (one extra query, on that edge only).
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && params.page > 1) {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(films)
      .where(conditions.length ? and(...conditions) : undefined);
    total = row?.n ?? 0;
  }
  return paginate(
    rows.map(({ total: _total, ...card }) => card),
    total,
    params.page,
    PAGE_SIZE,
  );
}

/** Every genre in the catalogue, for the browse filter (read once per request). */
export const listGenres = cache(async (): Promise<string[]> => {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ genre: sql<string>`unnest(${films.genres})`.as("genre") })
    .from(films)
    .orderBy(sql`1`);
  return rows.map((r) => r.genre);
});

export interface CreditedPerson {
  slug: string;
  name: string;
  character: string | null;
}

export interface FilmDetail {
  id: number;
  slug: string;
  title: string;
  year: number | null;
  releaseDate: string | null;
  logline: string | null;
  synopsis: string | null;
  runtimeMinutes: number | null;
  genres: string[];
  certificate: string | null;
  ratingCount: number;
  halfStarsTotal: number;
  directors: CreditedPerson[];
  writers: CreditedPerson[];
  cast: CreditedPerson[];
}

/** A film with its credits (cast in billing order), or null. Two queries. */
export async function getFilmBySlug(slug: string): Promise<FilmDetail | null> {
  const db = await getDb();
  const [film] = await db
    .select({
      id: films.id,
      slug: films.slug,
      title: films.title,
      year: films.year,
      releaseDate: films.releaseDate,
      logline: films.logline,
      synopsis: films.synopsis,
      runtimeMinutes: films.runtimeMinutes,
      genres: films.genres,
      certificate: films.certificate,
      ratingCount: films.ratingCount,
      halfStarsTotal: films.halfStarsTotal,
    })
    .from(films)
    .where(eq(films.slug, slug))
    .limit(1);
  if (!film) return null;
  const credits = await db
    .select({
      role: filmCredits.role,
      character: filmCredits.character,
      slug: people.slug,
      name: people.name,
    })
    .from(filmCredits)
    .innerJoin(people, eq(people.id, filmCredits.personId))
    .where(eq(filmCredits.filmId, film.id))
    .orderBy(asc(filmCredits.role), asc(filmCredits.billingOrder), asc(people.name));
  const byRole = (role: CreditRole) =>
    credits.filter((c) => c.role === role).map(({ slug: s, name, character }) => ({ slug: s, name, character }));
  return { ...film, directors: byRole("director"), writers: byRole("writer"), cast: byRole("cast") };
}

export interface PersonFilmography {
  slug: string;
  name: string;
  roles: { role: CreditRole; films: (FilmCard & { character: string | null })[] }[];
}

const ROLE_ORDER: CreditRole[] = ["director", "writer", "cast"];

/** A person and their films grouped by role, newest first. Two queries. */
export async function getPersonBySlug(slug: string): Promise<PersonFilmography | null> {
  const db = await getDb();
  const [person] = await db
    .select({ id: people.id, slug: people.slug, name: people.name })
    .from(people)
    .where(eq(people.slug, slug))
    .limit(1);
  if (!person) return null;
  const rows = await db
    .select({ ...cardColumns, role: filmCredits.role, character: filmCredits.character })
    .from(filmCredits)
    .innerJoin(films, eq(films.id, filmCredits.filmId))
    .where(eq(filmCredits.personId, person.id))
    .orderBy(sql`${films.year} desc nulls last`, asc(films.title));
  const roles = ROLE_ORDER.map((role) => ({
    role,
    films: rows.filter((r) => r.role === role).map(({ role: _role, ...film }) => film),
  })).filter((group) => group.films.length > 0);
  return { slug: person.slug, name: person.name, roles };
}

/**
 * Films rated most recently, newest first: those among the latest 200 ratings
 * (read backwards along ratings_rated_idx, so the cost does not grow with the
 * number of ratings).
 */
export async function listNewlyRatedFilms(limit = 6): Promise<FilmCard[]> {
  const db = await getDb();
  const recent = db
    .select({ filmId: ratings.filmId, ratedAt: ratings.ratedAt })
    .from(ratings)
    .orderBy(desc(ratings.ratedAt))
    .limit(200)
    .as("recent");
  const latest = db
    .select({ filmId: recent.filmId, ratedAt: sql<Date>`max(${recent.ratedAt})`.as("latest_rated_at") })
    .from(recent)
    .groupBy(recent.filmId)
    .as("latest");
  return db
    .select(cardColumns)
    .from(latest)
    .innerJoin(films, eq(films.id, latest.filmId))
    .orderBy(desc(latest.ratedAt), asc(films.id))
    .limit(limit);
}

/** The best-rated films with at least `minRatings` ratings. */
export async function listBestRatedFilms(limit = 8, minRatings = 1): Promise<FilmCard[]> {
  const db = await getDb();
  return db
    .select(cardColumns)
    .from(films)
    .where(sql`${films.ratingCount} >= ${minRatings}`)
    .orderBy(sql`${meanExpression} desc`, desc(films.ratingCount), asc(films.title))
    .limit(limit);
}

/** A person a search found, with how many films the catalogue credits them on. */
/**
 * Films whose titles match what has been typed so far (each word as a
 * prefix, films_search_idx): an exact title first, then titles that begin
 * with what was typed, then the most rated.
 * One query; none for a query of no letters or digits.
 */
export async function suggestFilms(
  q: string,
  limit = 5,
): Promise<{ slug: string; title: string; year: number | null }[]> {
  const tsquery = toPrefixTsquery(q);
  if (!tsquery) return [];
  const db = await getDb();
  return db
    .select({ slug: films.slug, title: films.title, year: films.year })
    .from(films)
    .where(sql`${films.search} @@ to_tsquery('simple', ${tsquery})`)
    .orderBy(
      sql`(lower(${films.title}) = lower(${q})) desc`,
      sql`starts_with(lower(${films.title}), lower(${q})) desc`,
      desc(films.ratingCount),
      asc(films.title),
      asc(films.id),
    )
    .limit(limit);
}

export interface PersonMatch {
  slug: string;
  name: string;
  films: number;
}

/**
 * People whose names match a search (each word as a prefix, people_search_idx),
 * the most credited first. One query; none for a search of no letters or digits.
 */
export async function searchPeople(q: string, limit = 8): Promise<PersonMatch[]> {
  const tsquery = toPrefixTsquery(q);
  if (!tsquery) return [];
  const db = await getDb();
  return db
    .select({
      slug: people.slug,
      name: people.name,
      films:
        sql<number>`(select count(distinct credit.film_id) from film_credits credit where credit.person_id = "people"."id")`.mapWith(
          Number,
        ),
    })
    .from(people)
    .where(sql`${people.search} @@ to_tsquery('simple', ${tsquery})`)
    .orderBy(sql`3 desc`, asc(people.name))
    .limit(limit);
}
