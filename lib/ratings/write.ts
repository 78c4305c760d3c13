import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, ratings, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { authorize } from "@/lib/policy";
import { consumeWriteAllowance } from "@/lib/rate-limit";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { ratingFormSchema } from "./schema";
import { formatRating } from "./scale";

export interface RatingChange {
  halfStars: number | null;
  message: string;
  changed: Tag[];
}

/** A rating shows on its film's figures, the member's distribution and every list sorted by rating. */
function ratingChanges(filmId: number, memberId: string): Tag[] {
  return [tags.film(filmId), tags.member(memberId), tags.catalogue];
}

/** Who may rate, how often, and which film: the checks both rating writes share. */
async function checkRatingWrite(actor: CurrentUser, filmSlug: string): Promise<Result<number>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const db = await getDb();
  const allowance = await consumeWriteAllowance(db, actor.id, "rating");
  if (!allowance.ok) return allowance;
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.slug, filmSlug)).limit(1);
  if (!film) return fail("not_found", "That film is not in the catalogue.");
  return ok(film.id);
}

/** The rating form: rates the film, or clears the rating (`intent=clear`). */
export async function submitRating(actor: CurrentUser, input: unknown): Promise<Result<RatingChange>> {
  const parsed = ratingFormSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const form = parsed.data;
  return form.intent === "clear" ? clearRating(actor, form.film) : rateFilm(actor, form.film, form.halfStars);
}

/**
 * Sets the signed-in `viewer`'s rating of the film at `filmSlug` to `halfStars` (0–8,
 * already validated), replacing any earlier one. One rating per member per
 * film even under concurrent submits: the write is a single upsert.
 */
export async function rateFilm(actor: CurrentUser, filmSlug: string, halfStars: number): Promise<Result<RatingChange>> {
  const checked = await checkRatingWrite(actor, filmSlug);
  if (!checked.ok) return checked;
  const filmId = checked.value;
  const db = await getDb();
  await db
    .insert(ratings)
    .values({ userId: actor.id, filmId, halfStars })
    .onConflictDoUpdate({
      target: [ratings.userId, ratings.filmId],
      set: { halfStars: sql`excluded.half_stars`, ratedAt: sql`now()` },
    });
  return ok({
    halfStars,
    message: `Your rating is now ${formatRating(halfStars)}.`,
    changed: ratingChanges(filmId, actor.id),
  });
}

/**
 * Removes the signed-in `viewer`'s rating of the film. A published review carries its
 * author's rating, so while one exists the rating can change but not go.
 */
export async function clearRating(actor: CurrentUser, filmSlug: string): Promise<Result<RatingChange>> {
  const checked = await checkRatingWrite(actor, filmSlug);
  if (!checked.ok) return checked;
  const filmId = checked.value;
  const db = await getDb();
  // Lock the rating first: saving a review locks it too, so a review being
  // published at this moment is either seen by the check below or waits.
  const deleted = await db.transaction(async (tx) => {
    const [own] = await tx
      .select({ halfStars: ratings.halfStars })
      .from(ratings)
      .where(and(eq(ratings.userId, actor.id), eq(ratings.filmId, filmId)))
      .for("update");
    if (!own) return [];
    const [review] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(sql`${reviews.filmId} = ${filmId} and ${reviews.authorId} = ${actor.id} and ${reviews.status} <> 'draft'`)
      .limit(1);
    if (review) return [];
    return tx
      .delete(ratings)
      .where(and(eq(ratings.userId, actor.id), eq(ratings.filmId, filmId)))
      .returning({ halfStars: ratings.halfStars });
  });
  if (deleted.length > 0) {
    return ok({ halfStars: null, message: "Your rating is cleared.", changed: ratingChanges(filmId, actor.id) });
  }
  const [kept] = await db
    .select({ halfStars: ratings.halfStars })
    .from(ratings)
    .where(and(eq(ratings.userId, actor.id), eq(ratings.filmId, filmId)));
  if (!kept) return ok({ halfStars: null, message: "You had not rated this film.", changed: [] });
  return fail(
    "conflict",
    "Your published review shows this rating, so it cannot be cleared. Change it instead, or delete the review first.",
  );
}
