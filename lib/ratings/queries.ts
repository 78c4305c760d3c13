import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ratings } from "@/db/schema";
import { toHistogram, type Histogram } from "./histogram";

const bucketColumns = {
  halfStars: ratings.halfStars,
  count: sql<number>`count(*)`.mapWith(Number),
};

/** The nine-bucket histogram of one film's ratings. One query. */
export async function getFilmHistogram(filmId: number): Promise<Histogram> {
  const db = await getDb();
  const rows = await db
    .select(bucketColumns)
    .from(ratings)
    .where(eq(ratings.filmId, filmId))
    .groupBy(ratings.halfStars);
  return toHistogram(rows);
}

/** How one member spreads their ratings over the nine buckets. One query. */
export async function getMemberHistogram(userId: string): Promise<Histogram> {
  const db = await getDb();
  const rows = await db
    .select(bucketColumns)
    .from(ratings)
    .where(eq(ratings.userId, userId))
    .groupBy(ratings.halfStars);
  return toHistogram(rows);
}

/** Every rating on the site, by bucket: what members give on average. One query. */
export async function getSiteHistogram(): Promise<Histogram> {
  const db = await getDb();
  const rows = await db.select(bucketColumns).from(ratings).groupBy(ratings.halfStars);
  return toHistogram(rows);
}
