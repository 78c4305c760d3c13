"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import type { ReactNode } from "react";
import { useViewer } from "@/components/viewer/viewer-context";
import type { FormAction } from "@/lib/forms/action-state";
import { mayModerateReview, mayReadReview, SUSPENDED_CANNOT_POST, suspensionDetails } from "@/lib/policy";
import { pluralize } from "@/lib/text";
import { LikeButton } from "./like-button";

// Only a signed-in reader gets this form, so its code (and the form library under it) loads when
// the viewer payload says so, not with the page every reader shares.
const ReviewModerationForm = dynamic(
  () => import("@/components/moderation/review-moderation-form").then((m) => m.ReviewModerationForm),
  {
    ssr: false,
    loading: () => <p className="text-sm text-[var(--color-muted)]">Loading the form…</p>,
  },
);

const linkClass = "font-medium text-[var(--color-accent)] hover:underline";

/**
 * What a review page offers the person reading it, decided in the browser
 * from the viewer payload: the author edits, another member likes, a
 * moderator hides or restores, and `visitor` (the count and an invitation to
 * sign in, drawn with the shared page) for anyone else.
 */
export function ReviewViewerPanel({
  review,
  like,
  hide,
  restore,
  visitor,
  unpublishedHref,
}: {
  review: {
    id: number;
    authorId: string;
    filmSlug: string;
    likeCount: number;
    status: "draft" | "published" | "hidden";
  };
  like: FormAction<{ liked: boolean; likeCount: number }>;
  hide: FormAction;
  restore: FormAction;
  visitor: ReactNode;
  /** Where the author and moderators read a hidden review in full; absent on that page itself. */
  unpublishedHref?: string;
}) {
  const viewer = useViewer();
  const member = viewer?.member ?? null;
  if (!member) return review.status === "published" ? visitor : null;
  const moderation = mayModerateReview(member, review.status) ? (
    <ReviewModerationForm
      reviewId={review.id}
      hidden={review.status === "hidden"}
      action={review.status === "hidden" ? restore : hide}
    />
  ) : null;
  const likes = <span className="text-[var(--color-muted)]">{pluralize(review.likeCount, "like")}</span>;
  if (review.status !== "published") {
    return (
      <div className="space-y-3">
        {unpublishedHref && mayReadReview(member, review) ? (
          <p>
            <Link href={unpublishedHref} className={linkClass}>
              {member.id === review.authorId ? "Read your hidden review" : "Read the hidden review (moderators only)"}
            </Link>
          </p>
        ) : null}
        {moderation}
      </div>
    );
  }
  const own =
    member.id === review.authorId ? (
      <p className="flex flex-wrap gap-4">
        {likes}
        <Link href={`/films/${review.filmSlug}/review`} className={linkClass}>
          Edit or delete your review
        </Link>
      </p>
    ) : member.suspended ? (
      <div className="space-y-1">
        <p>{likes}</p>
        <p role="note">
          {SUSPENDED_CANNOT_POST}
          {suspensionDetails(member)}
        </p>
      </div>
    ) : (
      <LikeButton
        action={like}
        reviewId={review.id}
        liked={viewer?.review?.id === review.id && viewer.review.liked}
        likeCount={review.likeCount}
      />
    );
  return (
    <div className="space-y-4">
      {own}
      {moderation}
    </div>
  );
}
