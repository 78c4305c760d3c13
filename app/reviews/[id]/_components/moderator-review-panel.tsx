import { hideReviewAction, restoreReviewAction } from "@/app/(moderation)/moderation/actions";
import { ReviewModerationForm } from "@/components/moderation/review-moderation-form";
import { getCurrentUser } from "@/lib/auth";
import { mayModerateReview } from "@/lib/policy";

/** Hide or restore controls for moderators; nothing for anyone else. */
export async function ModeratorReviewPanel({
  reviewId,
  status,
}: {
  reviewId: number;
  status: "draft" | "published" | "hidden";
}) {
  const viewer = await getCurrentUser();
  if (!mayModerateReview(viewer, status)) return null;
  const hidden = status === "hidden";
  return (
    <ReviewModerationForm
      reviewId={reviewId}
      hidden={hidden}
      action={hidden ? restoreReviewAction : hideReviewAction}
    />
  );
}
