import { cacheLife } from "next/cache";
import { ImageResponse } from "next/og";
import { ReviewOgCard } from "@/components/og/og-cards";
import { drawable, OG_SIZE, ogFonts } from "@/lib/og/fonts";
import { formatRating } from "@/lib/ratings/scale";
import { readReview } from "@/lib/cache/reads";

export const alt = "The review's card on Marquee: the film, the rating out of 4, the verdict and its author";
export const size = OG_SIZE;
export const contentType = "image/png";
/** None drawn at build time (the placeholder is a 404); each is drawn on its first request and cached under the review's tag. */
export function generateStaticParams() {
  return [{ id: "0" }];
}

export default async function ReviewOpenGraphImage({ params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  const png = /^[1-9]\d{0,8}$/.test(id) ? await drawReviewCard(Number(id)) : null;
  if (!png) return new Response("There is no such review.", { status: 404 });
  return new Response(png, { headers: { "Content-Type": contentType } });
}

/**
 * The card's PNG, drawn once and kept under the review's tag. Only published
 * reviews have a card: drafts and hidden reviews are not for sharing.
 */
async function drawReviewCard(id: number): Promise<Uint8Array<ArrayBuffer> | null> {
  "use cache";
  cacheLife("shared");
  const review = await readReview(id);
  if (!review || review.status !== "published") return null;
  const image = new ImageResponse(
    <ReviewOgCard
      title={drawable(review.film.title, "Untitled")}
      year={review.film.year}
      rating={review.halfStars === null ? null : formatRating(review.halfStars)}
      verdict={drawable(review.verdict, "…")}
      author={drawable(review.author.name, `@${review.author.handle}`)}
    />,
    { ...OG_SIZE, fonts: await ogFonts() },
  );
  return new Uint8Array(await image.arrayBuffer());
}
