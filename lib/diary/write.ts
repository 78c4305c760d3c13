import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { diaryEntries, films, reviews, watchlistItems } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { authorize, refuseDiaryEntryDelete } from "@/lib/policy";
import { consumeWriteAllowance } from "@/lib/rate-limit";
import { rateFilm } from "@/lib/ratings/write";
import { fail, invalid, invalidField, ok, type Result } from "@/lib/result";
import { watchlistChanges } from "@/lib/watchlist/write";
import { deleteDiaryEntrySchema, formatDiaryDate, logViewingSchema } from "./schema";

export interface DiaryChange {
  entryId: number;
  /** Whose diary it is in: the page to open next. */
  ownerHandle: string;
  message: string;
  changed: Tag[];
}

/**
 * Logs a viewing of a film in `actor`'s diary. With a rating it sets (or
 * replaces) the member's rating through the ratings domain; with
 * `linkReview` it links the member's own review of the film, found here
 * (never an id from the form); with `removeFromWatchlist` the film leaves
 * their watchlist in the same transaction as the entry. One entry per film
 * per day: a second one for the same day is refused by the field.
 */
export async function logViewing(actor: CurrentUser, raw: unknown): Promise<Result<DiaryChange>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = logViewingSchema.safeParse(raw);
  if (!parsed.success)
    return invalid(parsed.error, "The viewing is not logged yet: please fix the fields marked below.");
  const { filmId, watchedOn, rewatch, halfStars, linkReview, removeFromWatchlist } = parsed.data;
  const db = await getDb();
  const allowance = await consumeWriteAllowance(db, actor.id, "diary");
  if (!allowance.ok) return allowance;
  const [film] = await db
    .select({ id: films.id, slug: films.slug, title: films.title })
    .from(films)
    .where(eq(films.id, filmId));
  if (!film) return fail("not_found", "That film is not in the catalogue.");

  let reviewId: number | null = null;
  if (linkReview) {
    const [review] = await db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.authorId, actor.id), eq(reviews.filmId, filmId)));
    if (!review) return invalidField("linkReview", `You have not written a review of ${film.title} to link.`);
    reviewId = review.id;
  }

  const sameDay = and(
    eq(diaryEntries.userId, actor.id),
    eq(diaryEntries.filmId, filmId),
    eq(diaryEntries.watchedOn, watchedOn),
  );
  const duplicate = `${film.title} is already in your diary on ${formatDiaryDate(watchedOn)}.`;
  // Checked before the rating is saved, so a refused entry changes nothing.
  const [already] = await db.select({ id: diaryEntries.id }).from(diaryEntries).where(sameDay);
  if (already) return invalidField("watchedOn", duplicate);

  // The member tag too: a viewing shows on the member's Activity tab.
  const changed: Tag[] = [tags.diary(actor.id), tags.member(actor.id)];
  if (halfStars !== undefined) {
    const rated = await rateFilm(actor, film.slug, halfStars);
    if (!rated.ok) return rated.code === "invalid" ? rated : { ...rated, fieldErrors: { halfStars: [rated.message] } };
    changed.push(...rated.value.changed);
  }

  const logged = await db.transaction(async (tx) => {
    // The unique (member, film, day) key settles a race with another tab: one entry, the other refused.
    const [row] = await tx
      .insert(diaryEntries)
      .values({ userId: actor.id, filmId, watchedOn, rewatch, halfStars: halfStars ?? null, reviewId })
      .onConflictDoNothing()
      .returning({ id: diaryEntries.id });
    if (!row) return null;
    const removed = removeFromWatchlist
      ? await tx
          .delete(watchlistItems)
          .where(and(eq(watchlistItems.userId, actor.id), eq(watchlistItems.filmId, filmId)))
          .returning({ filmId: watchlistItems.filmId })
      : [];
    return { id: row.id, leftWatchlist: removed.length > 0 };
  });
  if (!logged) return invalidField("watchedOn", duplicate);
  if (logged.leftWatchlist) changed.push(...watchlistChanges(filmId, actor.id));
  return ok({
    entryId: logged.id,
    ownerHandle: actor.handle,
    message:
      `${film.title} is in your diary on ${formatDiaryDate(watchedOn)}.` +
      (logged.leftWatchlist ? " It is off your watchlist." : ""),
    changed,
  });
}

/** Deletes one of `actor`'s own diary entries; the rating and review it mentions stay. */
export async function deleteDiaryEntry(
  actor: CurrentUser,
  raw: unknown,
): Promise<Result<{ entryId: number; ownerHandle: string; changed: Tag[] }>> {
  const signedIn = authorize(actor, "member");
  if (!signedIn.ok) return signedIn;
  const parsed = deleteDiaryEntrySchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  const [entry] = await db
    .select({ id: diaryEntries.id, userId: diaryEntries.userId })
    .from(diaryEntries)
    .where(eq(diaryEntries.id, parsed.data.entryId));
  const refused = refuseDiaryEntryDelete(actor, entry ?? null);
  if (refused || !entry) return refused ?? fail("not_found", "That diary entry does not exist.");
  // Keyed by owner too: the check above and the delete cannot be split by another member's request.
  await db.delete(diaryEntries).where(and(eq(diaryEntries.id, entry.id), eq(diaryEntries.userId, actor.id)));
  return ok({ entryId: entry.id, ownerHandle: actor.handle, changed: [tags.diary(actor.id), tags.member(actor.id)] });
}
