import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { readSitemapPaths } from "@/lib/cache/reads";
import { SITEMAP_LIMIT } from "@/lib/seo/sitemap";
import { siteUrl } from "@/lib/site";

const STATIC_PATHS = ["/", "/films"];

/**
 * Home, browse, every film and person, and every published review. The
 * catalogue is a few thousand films, well under the 50,000 URLs one sitemap
 * may hold; past that, split it with generateSitemaps.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Read when asked for (nothing is known when the app is built), from the cache.
  await connection();
  const origin = siteUrl();
  const paths = await readSitemapPaths(SITEMAP_LIMIT - STATIC_PATHS.length);
  return [
    ...STATIC_PATHS.map((path) => ({ url: `${origin}${path === "/" ? "" : path}`, changeFrequency: "daily" as const })),
    ...paths.films.map((film) => ({ url: `${origin}/films/${film.slug}`, lastModified: film.lastModified })),
    ...paths.people.map((person) => ({ url: `${origin}/people/${person.slug}` })),
    ...paths.reviews.map((review) => ({ url: `${origin}/reviews/${review.id}`, lastModified: review.lastModified })),
  ];
}
