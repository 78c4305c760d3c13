import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { diaryEntries, ratings, reviews, users } from "@/db/schema";

/**
 * Whether a member has seen a film, as far as Marquee knows: they rated it
 * or logged it in their diary. Spoiler marks open for such a reader. One
 * query on two primary-key or indexed lookups (ratings by member and film,
 * diary entries by film and member).
 */
async function seen(filmId: SQL, userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({
      seen: sql<boolean>`(exists (select 1 from ${ratings}
          where ${ratings.userId} = ${userId} and ${ratings.filmId} = ${filmId})
        or exists (select 1 from ${diaryEntries}
          where ${diaryEntries.filmId} = ${filmId} and ${diaryEntries.userId} = ${userId}))`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row?.seen === true;
}

/** Whether `userId` rated or logged the film. One query. */
export function hasSeenFilm(userId: string, filmId: number): Promise<boolean> {
  return seen(sql`${filmId}::integer`, userId);
}

/** Whether `userId` rated or logged the film a review is about. One query. */
export function hasSeenFilmOfReview(userId: string, reviewId: number): Promise<boolean> {
  return seen(sql`(select ${reviews.filmId} from ${reviews} where ${reviews.id} = ${reviewId}::integer)`, userId);
}
