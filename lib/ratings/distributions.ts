import "server-only";
import { count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ratings, users } from "@/db/schema";
import { toHistogram, type Histogram } from "./histogram";

/**
 * The rating distribution of each member named, by handle, for the
 * calibration line beside their ratings on a page of reviews. One query for
 * the whole page, however many authors (ratings_user_half_stars_idx); none
 * for an empty page.
 */
export async function getRatingDistributions(handles: readonly string[]): Promise<Record<string, Histogram>> {
  const wanted = [...new Set(handles)];
  if (wanted.length === 0) return {};
  const db = await getDb();
  const rows = await db
    .select({ handle: users.handle, halfStars: ratings.halfStars, count: count() })
    .from(users)
    .innerJoin(ratings, eq(ratings.userId, users.id))
    .where(inArray(users.handle, wanted))
    .groupBy(users.handle, ratings.halfStars);
  const byHandle = new Map<string, { halfStars: number; count: number }[]>();
  for (const row of rows) {
    const list = byHandle.get(row.handle) ?? [];
    list.push({ halfStars: row.halfStars, count: row.count });
    byHandle.set(row.handle, list);
  }
  return Object.fromEntries([...byHandle].map(([handle, list]) => [handle, toHistogram(list)]));
}
