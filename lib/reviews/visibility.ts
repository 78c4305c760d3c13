import "server-only";
import type { CurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/roles";
import type { ReviewDetail } from "./queries";

/**
 * Who may read a review: a published one, anyone; a draft, only its author;
 * one a moderator hid, its author and moderators. Everyone else is answered
 * as if it did not exist.
 */
export function canReadReview(review: Pick<ReviewDetail, "status" | "authorId">, viewer: CurrentUser | null): boolean {
  if (review.status === "published") return true;
  if (!viewer) return false;
  if (viewer.id === review.authorId) return true;
  return review.status === "hidden" && hasRole(viewer.role, "moderator");
}
