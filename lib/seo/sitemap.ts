import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, people } from "@/db/schema";
import { listReviewsForSitemap } from "@/lib/reviews/queries";

/** A sitemap file may list at most 50,000 URLs. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapPaths {
  films: { slug: string; lastModified: Date }[];
  people: { slug: string }[];
  reviews: { id: number; lastModified: Date }[];
}

/**
 * Public pages for the sitemap: films, people, then published reviews, at
 * most `limit` in all. Three queries.
 */
export async function listSitemapPaths(limit: number): Promise<SitemapPaths> {
  const db = await getDb();
  const filmRows = await db
    .select({ slug: films.slug, lastModified: films.createdAt })
    .from(films)
    .orderBy(asc(films.id))
    .limit(limit);
  const peopleRows = await db
    .select({ slug: people.slug })
    .from(people)
    .orderBy(asc(people.id))
    .limit(Math.max(0, limit - filmRows.length));
  const left = Math.max(0, limit - filmRows.length - peopleRows.length);
  const reviewRows = left > 0 ? await listReviewsForSitemap(left) : [];
  return { films: filmRows, people: peopleRows, reviews: reviewRows };
}
