import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { LoadingPanel } from "@/components/ui/loading-panel";
import { getCurrentUser } from "@/lib/auth";
import { parseId } from "@/lib/params";
import { mayReadReview } from "@/lib/policy";
import { getReview } from "@/lib/reviews/queries";
import { ReviewArticle } from "../_components/review-article";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "An unpublished review", robots: { index: false, follow: false } };

/**
 * A draft or a hidden review in full, for the few who may read it (its
 * author; moderators for a hidden one) and a 404 for anyone else. Rendered
 * for each request, never cached: the shared review page shows a hidden
 * review as the moderator's notice only.
 */
export default function UnpublishedReviewPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<LoadingPanel what="the review" />}>
      <Unpublished params={params} />
    </Suspense>
  );
}

async function Unpublished({ params }: { params: Params }) {
  const reviewId = parseId((await params).id);
  if (reviewId === null) notFound();
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/reviews/${reviewId}/unpublished`)}`);
  const review = await getReview(reviewId);
  if (!review || !mayReadReview(viewer, review)) notFound();
  if (review.status === "published") redirect(`/reviews/${review.id}`);
  return <ReviewArticle review={review} comments={{ page: 1 }} shared={false} />;
}
