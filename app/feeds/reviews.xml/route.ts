import { buildRss, reviewToRssItem, rssResponse } from "@/lib/feeds/rss";
import { listFeedReviews } from "@/lib/reviews/queries";
import { siteUrl } from "@/lib/site";

export const dynamic = "force-dynamic";

/** The newest published reviews on Marquee, as RSS 2.0. */
export async function GET() {
  const origin = siteUrl();
  const reviews = await listFeedReviews({});
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
