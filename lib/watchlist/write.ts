import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, watchlistItems } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { authorize } from "@/lib/policy";
import { consumeWriteAllowance } from "@/lib/rate-limit";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { watchlistFormSchema } from "./schema";

export interface WatchlistChange {
  filmId: number;
  onWatchlist: boolean;
  message: string;
  changed: Tag[];
}

/** A watchlist write shows on the film's "On N watchlists" and on the member's watchlist page. */
export function watchlistChanges(filmId: number, memberId: string): Tag[] {
  return [tags.film(filmId), tags.watchlist(memberId)];
}

/**
 * Puts a film on `actor`'s watchlist or takes it off. Both are single
 * statements keyed by (member, film), so a double click or two tabs at once
 * leave one row or none, never two, and the second answer is the same as the first.
 */
export async function setWatchlist(actor: CurrentUser, raw: unknown): Promise<Result<WatchlistChange>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = watchlistFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { film: slug, want } = parsed.data;
  const db = await getDb();
  const allowance = await consumeWriteAllowance(db, actor.id, "watchlist");
  if (!allowance.ok) return allowance;
  const [film] = await db.select({ id: films.id, title: films.title }).from(films).where(eq(films.slug, slug));
  if (!film) return fail("not_found", "That film is not in the catalogue.");
  const filmId = film.id;
  if (want) {
    await db.insert(watchlistItems).values({ userId: actor.id, filmId }).onConflictDoNothing();
  } else {
    await db.delete(watchlistItems).where(and(eq(watchlistItems.userId, actor.id), eq(watchlistItems.filmId, filmId)));
  }
  return ok({
    filmId,
    onWatchlist: want,
    message: want ? `${film.title} is on your watchlist.` : `${film.title} is off your watchlist.`,
    changed: watchlistChanges(filmId, actor.id),
  });
}
