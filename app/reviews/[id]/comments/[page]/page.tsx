import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { reviewCommentsHref } from "@/lib/reviews/params";
import { ReviewArticle, reviewMetadata, reviewTitle } from "../../_components/review-article";
import { loadSharedReview, pageSegment, PLACEHOLDER_ID } from "../../_components/load";

type Params = Promise<{ id: string; page: string }>;

export function generateStaticParams() {
  return [{ id: PLACEHOLDER_ID, page: "2" }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, page } = await params;
  const review = await loadSharedReview(id);
  const number = pageSegment(page);
  if (!review || number === null) notFound();
  return {
    ...reviewMetadata(review, reviewCommentsHref(review.id, number)),
    title: `${reviewTitle(review)}, comments page ${number}`,
  };
}

/** Page N of a review's comment threads (the first is the review page). */
export default async function ReviewCommentsPage({ params }: { params: Params }) {
  const { id, page } = await params;
  const review = await loadSharedReview(id);
  const number = pageSegment(page);
  if (!review || number === null) notFound();
  return <ReviewArticle review={review} comments={{ page: number }} shared />;
}
