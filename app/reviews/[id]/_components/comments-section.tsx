import Link from "next/link";
import { CommentThread } from "@/components/comments/comment-thread";
import { ReplyBox } from "@/components/comments/reply-box";
import { Pagination } from "@/components/ui/pagination";
import { approveCommentAction, removeCommentAction, restoreCommentAction } from "@/app/(moderation)/moderation/actions";
import { signOutAction } from "@/app/signin/actions";
import { providerName, providerNamesInWords } from "@/lib/auth/provider-info";
import { readThreadPage } from "@/lib/cache/reads";
import { thoughtsHeading } from "@/lib/comments/schema";
import { reviewCommentsHref, reviewThreadHref } from "@/lib/reviews/params";
import {
  chooseSigningAccountAction,
  deleteCommentAction,
  editCommentAction,
  postCommentAction,
  reportCommentAction,
} from "../actions";

const commentActions = {
  edit: editCommentAction,
  delete: deleteCommentAction,
  report: reportCommentAction,
  remove: removeCommentAction,
  restore: restoreCommentAction,
  approve: approveCommentAction,
};

/** Which comments a review page shows: a page of its threads, or one long thread a page at a time. */
export type CommentsView = { page: number } | { threadId: number; threadPage: number };

/**
 * "N thoughts on “Film”", the threads, and "Leave a Reply", the same for
 * every reader (cached under the review's tag); the controls and the reply
 * form are drawn per reader in the browser (CommentTools, ReplyBox).
 */
export async function CommentsSection({
  reviewId,
  view,
  status,
}: {
  reviewId: number;
  view: CommentsView;
  /** Only a published review takes comments; a draft or a hidden one says why not. */
  status: "draft" | "published" | "hidden";
}) {
  const thread = await readThreadPage(
    reviewId,
    "page" in view ? view.page : 1,
    "threadId" in view ? { threadId: view.threadId, threadPage: view.threadPage } : null,
  );
  if (!thread) return null;
  const base = `/reviews/${reviewId}`;
  const providers = providerNamesInWords();
  return (
    <section aria-labelledby="comments-heading" className="space-y-6 border-t border-[var(--color-line)] pt-6">
      <h2 id="comments-heading" className="font-serif text-2xl font-semibold">
        {thoughtsHeading(thread.count, thread.filmTitle)}
      </h2>
      {thread.threads.length > 0 ? (
        <CommentThread
          comments={thread.threads}
          context={{
            reviewId,
            providerName,
            post: postCommentAction,
            actions: commentActions,
            threadBase: `/reviews/${reviewId}/threads/`,
            folded: thread.folded,
          }}
        />
      ) : (
        <p className="text-[var(--color-muted)]">
          {status === "published" ? "Nobody has replied yet. Start the conversation." : "There are no comments."}
        </p>
      )}
      {thread.thread ? (
        <>
          <Pagination
            page={thread.thread.page}
            pageCount={thread.thread.pageCount}
            hrefFor={(p) => `${reviewThreadHref(reviewId, thread.thread?.rootId ?? 0, p)}#comments-heading`}
            label="Pages of this thread"
          />
          <p>
            <Link href={`${base}#comments-heading`} className="text-[var(--color-accent)] hover:underline">
              Back to all the threads
            </Link>
          </p>
        </>
      ) : (
        <Pagination
          page={thread.page}
          pageCount={thread.pageCount}
          hrefFor={(p) => `${reviewCommentsHref(reviewId, p)}#comments-heading`}
          label="Comment pages"
        />
      )}

      <section aria-labelledby="reply-heading" className="space-y-3 rounded border border-[var(--color-line)] p-4">
        <h3 id="reply-heading" className="font-serif text-xl font-semibold">
          Leave a Reply
        </h3>
        {status === "draft" ? (
          <p>Comments open when the review is published.</p>
        ) : status === "hidden" ? (
          <p>Comments are closed while a moderator has this review hidden.</p>
        ) : (
          <ReplyBox
            reviewId={reviewId}
            post={postCommentAction}
            chooseAccount={chooseSigningAccountAction}
            signOut={signOutAction}
            visitor={
              <p>
                <Link
                  href={`/signin?callbackUrl=${encodeURIComponent(base)}`}
                  className="font-medium text-[var(--color-accent)] hover:underline"
                >
                  Sign in
                </Link>
                {providers ? ` with ${providers}` : ""} to join the conversation.
              </p>
            }
          />
        )}
      </section>
    </section>
  );
}
