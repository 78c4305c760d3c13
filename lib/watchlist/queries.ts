import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, watchlistItems } from "@/db/schema";
import { paginate, pageWindow, type Page } from "@/lib/pagination";
import { WATCHLIST_PAGE_SIZE } from "./schema";

export interface WatchlistFilm {
  filmId: number;
  slug: string;
  title: string;
  year: number | null;
  genres: string[];
  ratingCount: number;
  halfStarsTotal: number;
  addedAt: Date;
}

/**
 * A page of `memberId`'s watchlist, the film added last first, in two queries
 * whatever its length: the page (walking watchlist_items_user_added_idx
 * backwards) and the count.
 */
export async function listWatchlist(memberId: string, page: number): Promise<Page<WatchlistFilm>> {
  const db = await getDb();
  const { limit, offset } = pageWindow(page, WATCHLIST_PAGE_SIZE);
  const [items, [total]] = await Promise.all([
    db
      .select({
        filmId: films.id,
        slug: films.slug,
        title: films.title,
        year: films.year,
        genres: films.genres,
        ratingCount: films.ratingCount,
        halfStarsTotal: films.halfStarsTotal,
        addedAt: watchlistItems.addedAt,
      })
      .from(watchlistItems)
      .innerJoin(films, eq(films.id, watchlistItems.filmId))
      .where(eq(watchlistItems.userId, memberId))
      .orderBy(desc(watchlistItems.addedAt), desc(watchlistItems.filmId))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(watchlistItems).where(eq(watchlistItems.userId, memberId)),
  ]);
  return paginate(items, total?.n ?? 0, page, WATCHLIST_PAGE_SIZE);
}

/** How many members have film `filmId` on their watchlist (watchlist_items_film_idx). */
export async function countWatchlists(filmId: number): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(watchlistItems).where(eq(watchlistItems.filmId, filmId));
  return row?.n ?? 0;
}

/** Whether film `filmId` is on `memberId`'s watchlist (a per-viewer fact: never part of a shared page). */
export async function isOnWatchlist(memberId: string, filmId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ filmId: watchlistItems.filmId })
    .from(watchlistItems)
    .where(and(eq(watchlistItems.userId, memberId), eq(watchlistItems.filmId, filmId)));
  return row !== undefined;
}

/**
 * Which of `filmIds` (a poster grid's, at most one page of them) are on
 * `memberId`'s watchlist: one query over the (user_id, film_id) primary key.
 */
export async function watchlistedAmong(memberId: string, filmIds: readonly number[]): Promise<number[]> {
  if (filmIds.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ filmId: watchlistItems.filmId })
    .from(watchlistItems)
    .where(and(eq(watchlistItems.userId, memberId), inArray(watchlistItems.filmId, [...filmIds])))
    .orderBy(watchlistItems.filmId);
  return rows.map((row) => row.filmId);
}
