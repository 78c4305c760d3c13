import { ReviewModerationForm } from "@/components/moderation/review-moderation-form";
import { getCurrentUser, hasRole } from "@/lib/auth";

/** Hide or restore controls for moderators; nothing for anyone else. */
export async function ModeratorReviewPanel({ reviewId, status }: { reviewId: number; status: "draft" | "published" | "hidden" }) {
  const viewer = await getCurrentUser();
  if (!viewer || !hasRole(viewer.role, "moderator") || viewer.suspended || status === "draft") return null;
  return <ReviewModerationForm reviewId={reviewId} hidden={status === "hidden"} />;
}
