import { buildRss, reviewToRssItem, rssResponse } from "@/lib/feeds/rss";
import { connection } from "next/server";
import { readFeedReviews } from "@/lib/cache/reads";
import { siteUrl } from "@/lib/site";

/** The newest published reviews on Marquee, as RSS 2.0. */
export async function GET() {
  // Read when asked for (no review is known when the app is built), from the cache.
  await connection();
  const origin = siteUrl();
  const reviews = await readFeedReviews({});
  return rssResponse(
    buildRss({
      title: "Marquee: the latest reviews",
      link: `${origin}/`,
      self: `${origin}/feeds/reviews.xml`,
      description: "The newest film reviews published by Marquee members, rated out of four.",
      items: reviews.map((review) => reviewToRssItem(review, origin)),
    }),
  );
}
