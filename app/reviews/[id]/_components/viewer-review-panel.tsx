import Link from "next/link";
import { LikeButton } from "@/components/reviews/like-button";
import { getCurrentUser } from "@/lib/auth";
import { SUSPENDED_CANNOT_POST } from "@/lib/policy";
import { pluralize } from "@/lib/text";
import { hasLiked } from "@/lib/reviews/queries";
import { likeReviewAction } from "../actions";

const likes = (n: number) => pluralize(n, "like");
const linkClass = "font-medium text-[var(--color-accent)] hover:underline";

/**
 * What a review page offers the person reading it: the author edits, another
 * member likes, a visitor is invited to sign in. Everyone sees the count.
 */
export async function ViewerReviewPanel({
  review,
}: {
  review: { id: number; authorId: string; filmSlug: string; likeCount: number; published: boolean };
}) {
  const user = await getCurrentUser();
  if (user && user.id === review.authorId) {
    return (
      <p className="flex flex-wrap gap-4">
        <span className="text-[var(--color-muted)]">{likes(review.likeCount)}</span>
        <Link href={`/films/${review.filmSlug}/review`} className={linkClass}>
          Edit or delete your review
        </Link>
      </p>
    );
  }
  if (!review.published) return null;
  if (!user) {
    return (
      <p className="flex flex-wrap gap-4">
        <span className="text-[var(--color-muted)]">{likes(review.likeCount)}</span>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/reviews/${review.id}`)}`} className={linkClass}>
          Sign in to like this review
        </Link>
      </p>
    );
  }
  if (user.suspended) {
    return (
      <div className="space-y-1">
        <p className="text-[var(--color-muted)]">{likes(review.likeCount)}</p>
        <p role="note">{SUSPENDED_CANNOT_POST}</p>
      </div>
    );
  }
  const liked = await hasLiked(user.id, review.id);
  return <LikeButton action={likeReviewAction} reviewId={review.id} liked={liked} likeCount={review.likeCount} />;
}
