import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentThread } from "@/components/comments/comment-thread";
import { ProviderMark } from "@/components/auth/provider-mark";
import { Pagination } from "@/components/ui/pagination";
import { approveCommentAction, removeCommentAction, restoreCommentAction } from "@/app/(moderation)/moderation/actions";
import { signOutAction } from "@/app/signin/actions";
import { getCurrentUser } from "@/lib/auth";
import { providerName, providerNamesInWords } from "@/lib/auth/provider-info";
import {
  chooseSigningAccountAction,
  deleteCommentAction,
  editCommentAction,
  postCommentAction,
  reportCommentAction,
} from "../actions";
import { getThreadPage } from "@/lib/comments/queries";
import { listSigningAccounts } from "@/lib/comments/signing";
import { thoughtsHeading } from "@/lib/comments/schema";

/**
 * "N thoughts on “Film”", the threads, and "Leave a Reply". Reads the
 * session: it is the per-reader part of the review page.
 */
const commentActions = {
  edit: editCommentAction,
  delete: deleteCommentAction,
  report: reportCommentAction,
  remove: removeCommentAction,
  restore: restoreCommentAction,
  approve: approveCommentAction,
};

export async function CommentsSection({
  reviewId,
  page,
  replyTo,
  threadId,
  threadPage,
  status,
}: {
  reviewId: number;
  page: number;
  replyTo: number | null;
  /** Read one long thread on its own (`?thread=`), a page of its comments at a time. */
  threadId: number | null;
  threadPage: number;
  /** Only a published review takes comments; a draft or a hidden one says why not. */
  status: "draft" | "published" | "hidden";
}) {
  const viewer = await getCurrentUser();
  const [thread, accounts] = await Promise.all([
    getThreadPage(reviewId, page, viewer, new Date(), { threadId, threadPage }),
    viewer && !viewer.suspended ? listSigningAccounts(viewer.id) : Promise.resolve([]),
  ]);
  if (!thread) return null;
  const base = `/reviews/${reviewId}`;
  const pageQuery = thread.thread
    ? `thread=${thread.thread.rootId}${thread.thread.page > 1 ? `&tpage=${thread.thread.page}` : ""}`
    : thread.page > 1
      ? `cpage=${thread.page}`
      : "";
  const href = (extra: string) => {
    const query = [pageQuery, extra].filter(Boolean).join("&");
    return query ? `${base}?${query}` : base;
  };
  const signing = accounts[0];
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
            replyTo,
            replyHref: (id) => `${href(`replyTo=${id}`)}#reply-${id}`,
            cancelHref: `${href("")}#comment-${replyTo ?? ""}`,
            providerName,
            now: new Date(),
            post: postCommentAction,
            actions: commentActions,
            foldedHref: (rootId) => `${base}?thread=${rootId}#comment-${rootId}`,
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
            hrefFor={(p) => `${base}?thread=${thread.thread?.rootId}${p > 1 ? `&tpage=${p}` : ""}#comments-heading`}
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
          hrefFor={(p) => (p > 1 ? `${base}?cpage=${p}#comments-heading` : `${base}#comments-heading`)}
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
        ) : !viewer ? (
          <p>
            <Link
              href={`/signin?callbackUrl=${encodeURIComponent(base)}`}
              className="font-medium text-[var(--color-accent)] hover:underline"
            >
              Sign in
            </Link>
            {providers ? ` with ${providers}` : ""} to join the conversation.
          </p>
        ) : viewer.suspended ? (
          <p role="note">Your account is suspended, so you cannot comment. You can still read and sign in.</p>
        ) : !signing ? (
          <p>
            Link a sign-in account on{" "}
            <Link href="/account" className="text-[var(--color-accent)] hover:underline">
              your account page
            </Link>{" "}
            to comment.
          </p>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <ProviderMark provider={signing.provider} className="h-4 w-4" />
              <span>You are commenting using your {providerName(signing.provider)} account</span>
              <span className="inline-flex items-start gap-1">
                <span aria-hidden="true">(</span>
                <form action={signOutAction} className="inline">
                  <input type="hidden" name="callbackUrl" value={base} />
                  <button type="submit" className="text-[var(--color-accent)] hover:underline">
                    Log out
                  </button>
                </form>
                <span aria-hidden="true">/</span>
                <Disclosure label="Change" className="inline-block">
                  {accounts.length > 1 ? (
                    <ActionForm
                      action={chooseSigningAccountAction}
                      idPrefix="signing"
                      label="Choose the account that signs your comments"
                    >
                      <input type="hidden" name="reviewId" value={reviewId} />
                      <fieldset className="space-y-1">
                        <legend className="text-sm font-medium">Sign my comments with</legend>
                        {accounts.map((account, i) => (
                          <label
                            key={`${account.provider}:${account.providerAccountId}`}
                            className="flex items-center gap-2"
                          >
                            <input
                              type="radio"
                              name="account"
                              value={`${account.provider}:${account.providerAccountId}`}
                              defaultChecked={i === 0}
                            />
                            <ProviderMark provider={account.provider} className="h-4 w-4" />
                            {providerName(account.provider)}
                          </label>
                        ))}
                      </fieldset>
                      <SubmitButton>Use this account</SubmitButton>
                    </ActionForm>
                  ) : (
                    <p className="text-sm">This is the only account linked to your profile.</p>
                  )}
                  <Link href="/account" className="text-sm text-[var(--color-accent)] hover:underline">
                    Sign in with another account and link it
                  </Link>
                </Disclosure>
                <span aria-hidden="true">)</span>
              </span>
            </div>
            <CommentForm action={postCommentAction} reviewId={reviewId} idPrefix="leave-reply" label="Your comment" />
          </>
        )}
      </section>
    </section>
  );
}
