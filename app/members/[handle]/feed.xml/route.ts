import { buildRss, reviewToRssItem, rssResponse } from "@/lib/feeds/rss";
import { readFeedReviews, readMember } from "@/lib/cache/reads";
import { siteUrl } from "@/lib/site";

/** One member's newest published reviews, as RSS 2.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const member = await readMember((await params).handle);
  if (!member)
    return new Response("No member uses this handle.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const origin = siteUrl();
  const reviews = await readFeedReviews({ authorId: member.id });
  return rssResponse(
    buildRss({
      title: `Marquee: reviews by ${member.name}`,
      link: `${origin}/members/${member.handle}`,
      self: `${origin}/members/${member.handle}/feed.xml`,
      description: `The newest film reviews by ${member.name} (@${member.handle}) on Marquee, rated out of four.`,
      items: reviews.map((review) => reviewToRssItem(review, origin)),
    }),
  );
}
