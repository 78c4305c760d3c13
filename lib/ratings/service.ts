import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, ratings, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { postingRefusal } from "@/lib/members/posting";
import { consumeWriteAllowance } from "@/lib/rate-limit";
import { formatRating } from "./scale";

export type RatingResult =
  | { ok: true; halfStars: number | null; message: string }
  | { ok: false; message: string; reason: "refused" | "not-found" | "conflict" };

async function findFilmId(slug: string): Promise<number | null> {
  const db = await getDb();
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.slug, slug)).limit(1);
  return film?.id ?? null;
}

/** Who may rate, how often, and which film: the checks both rating writes share. */
async function checkRatingWrite(
  actor: CurrentUser | null,
  filmSlug: string,
): Promise<Extract<RatingResult, { ok: false }> | { ok: true; filmId: number; actor: CurrentUser }> {
  const refusal = postingRefusal(actor);
  if (refusal || !actor) return { ok: false, message: refusal ?? "", reason: "refused" };
  const allowance = await consumeWriteAllowance(await getDb(), actor.id, "rating");
  if (!allowance.ok) return { ok: false, message: allowance.message, reason: "refused" };
  const filmId = await findFilmId(filmSlug);
  if (filmId === null) return { ok: false, message: "That film is not in the catalogue.", reason: "not-found" };
  return { ok: true, filmId, actor };
}

/**
 * Sets the signed-in `viewer`'s rating of the film at `filmSlug` to `halfStars` (0–8,
 * already validated), replacing any earlier one. One rating per member per
 * film even under concurrent submits: the write is a single upsert.
 */
export async function rateFilm(viewer: CurrentUser | null, filmSlug: string, halfStars: number): Promise<RatingResult> {
  const checked = await checkRatingWrite(viewer, filmSlug);
  if (!checked.ok) return checked;
  const { filmId, actor } = checked;
  const db = await getDb();
  await db
    .insert(ratings)
    .values({ userId: actor.id, filmId, halfStars })
    .onConflictDoUpdate({
      target: [ratings.userId, ratings.filmId],
      set: { halfStars: sql`excluded.half_stars`, ratedAt: sql`now()` },
    });
  return { ok: true, halfStars, message: `Your rating is now ${formatRating(halfStars)}.` };
}

/**
 * Removes the signed-in `viewer`'s rating of the film. A published review carries its
 * author's rating, so while one exists the rating can change but not go.
 */
export async function clearRating(viewer: CurrentUser | null, filmSlug: string): Promise<RatingResult> {
  const checked = await checkRatingWrite(viewer, filmSlug);
  if (!checked.ok) return checked;
  const { filmId, actor } = checked;
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
  if (deleted.length > 0) return { ok: true, halfStars: null, message: "Your rating is cleared." };
  const [kept] = await db
    .select({ halfStars: ratings.halfStars })
    .from(ratings)
    .where(and(eq(ratings.userId, actor.id), eq(ratings.filmId, filmId)));
  if (!kept) return { ok: true, halfStars: null, message: "You had not rated this film." };
  return {
    ok: false,
    reason: "conflict",
    message:
      "Your published review shows this rating, so it cannot be cleared. Change it instead, or delete the review first.",
  };
}
