import { ImageResponse } from "next/og";
import { ReviewOgCard } from "@/components/og/og-cards";
import { drawable, OG_SIZE, ogFonts } from "@/lib/og/fonts";
import { formatRating } from "@/lib/ratings/scale";
import { getReview } from "@/lib/reviews/queries";

export const alt = "The review's card on Marquee: the film, the rating out of 4, the verdict and its author";
export const size = OG_SIZE;
export const contentType = "image/png";
// Drawn once, then served from the cache; an edit shows within the hour.
export const revalidate = 3600;

/** None drawn at build time; each is drawn on its first request and then cached (an empty list makes the route cacheable). */
export function generateStaticParams(): never[] {
  return [];
}

export default async function ReviewOpenGraphImage({ params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  const review = /^\d{1,9}$/.test(id) ? await getReview(Number(id)) : null;
  // Only published reviews have a card: drafts and hidden reviews are not for sharing.
  if (!review || review.status !== "published") return new Response("There is no such review.", { status: 404 });
  return new ImageResponse(
    <ReviewOgCard
      title={drawable(review.film.title, "Untitled")}
      year={review.film.year}
      rating={review.halfStars === null ? null : formatRating(review.halfStars)}
      verdict={drawable(review.verdict, "…")}
      author={drawable(review.author.name, `@${review.author.handle}`)}
    />,
    { ...OG_SIZE, fonts: await ogFonts() },
  );
}
