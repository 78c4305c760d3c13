import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewArticle, reviewMetadata } from "./_components/review-article";
import { loadSharedReview, PLACEHOLDER_ID } from "./_components/load";

type Params = Promise<{ id: string }>;

/**
 * No review is built with the app; each is prerendered on its first request
 * and kept until a write changes it. The placeholder makes the page static.
 */
export function generateStaticParams() {
  return [{ id: PLACEHOLDER_ID }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const review = await loadSharedReview((await params).id);
  if (!review) notFound();
  return reviewMetadata(review);
}

export default async function ReviewPage({ params }: { params: Params }) {
  const review = await loadSharedReview((await params).id);
  if (!review) notFound();
  return <ReviewArticle review={review} comments={{ page: 1 }} shared />;
}
