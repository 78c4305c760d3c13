import { buildRss, reviewToRssItem, rssResponse } from "@/lib/feeds/rss";
import { readFeedReviews, readFilm } from "@/lib/cache/reads";
import { isSlug } from "@/lib/params";
import { siteUrl } from "@/lib/site";
import { filmLabel } from "@/lib/text";

/** One film's newest published reviews, as RSS 2.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = (await params).slug;
  const film = isSlug(slug) ? await readFilm(slug) : null;
  if (!film)
    return new Response("No film at this address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const origin = siteUrl();
  const title = filmLabel(film);
  const reviews = await readFeedReviews({ filmId: film.id });
  return rssResponse(
    buildRss({
      title: `Marquee: reviews of ${title}`,
      link: `${origin}/films/${film.slug}`,
      self: `${origin}/films/${film.slug}/feed.xml`,
      description: `The newest reviews of ${title} by Marquee members, rated out of four.`,
      items: reviews.map((review) => reviewToRssItem(review, origin)),
    }),
  );
}
