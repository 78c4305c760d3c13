import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { CommentForm } from "@/components/comments/comment-form";
import { LoadingPanel } from "@/components/ui/loading-panel";
import { getCurrentUser } from "@/lib/auth";
import { readReview } from "@/lib/cache/reads";
import { getReplyTarget } from "@/lib/comments/queries";
import { parseId } from "@/lib/params";
import { isPoster, refuseReplyTo, SUSPENDED_CANNOT_COMMENT, suspensionDetails } from "@/lib/policy";
import { filmLabel } from "@/lib/text";
import { postCommentAction } from "../../actions";

type Params = Promise<{ id: string; comment: string }>;

export const metadata: Metadata = { title: "Reply to a comment", robots: { index: false, follow: false } };

/**
 * A reply form for one comment on a page of its own: where "Reply" leads
 * before JavaScript loads (with it, the form opens under the comment). It
 * depends on who is reading, so it is rendered for each request.
 */
export default function ReplyPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<LoadingPanel what="the comment" />}>
      <Reply params={params} />
    </Suspense>
  );
}

async function Reply({ params }: { params: Params }) {
  const { id, comment } = await params;
  const reviewId = parseId(id);
  const commentId = parseId(comment);
  if (reviewId === null || commentId === null) notFound();
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/reviews/${reviewId}/reply/${commentId}`)}`);
  const [review, target] = await Promise.all([readReview(reviewId), getReplyTarget(viewer, reviewId, commentId)]);
  if (!review || review.status !== "published" || !target) notFound();
  const back = `/reviews/${review.id}#comment-${target.id}`;
  const refusal = refuseReplyTo(target);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href={back} className="text-[var(--color-accent)] hover:underline">
          ← {review.author.name} on {filmLabel(review.film)}
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">Reply to {target.authorName}</h1>
      {target.html ? (
        <blockquote
          className="prose-comment rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3 leading-relaxed"
          dangerouslySetInnerHTML={{ __html: target.html }}
        />
      ) : null}
      {!isPoster(viewer) ? (
        <p role="note">
          {SUSPENDED_CANNOT_COMMENT}
          {suspensionDetails(viewer)}
        </p>
      ) : refusal ? (
        <p role="note">{refusal.message}</p>
      ) : (
        <CommentForm
          action={postCommentAction}
          reviewId={review.id}
          parentId={target.id}
          idPrefix={`reply-${target.id}`}
          label={`Reply to ${target.authorName}`}
          autoFocus
        />
      )}
    </div>
  );
}
