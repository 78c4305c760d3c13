import Link from "next/link";
import { ProviderMark } from "@/components/auth/provider-mark";
import type { CommentView } from "@/lib/comments/queries";
import type { TreeNode } from "@/lib/comments/tree";
import type { FormAction } from "@/lib/forms/action-state";
import { pluralize } from "@/lib/text";
import { CommentActionsProvider, CommentTools, type CommentActions } from "./comment-tools";
import { exactTime } from "./format-time";

export interface ThreadContext {
  reviewId: number;
  providerName: (provider: string) => string;
  /** The post action for reply forms, and the actions under each comment. */
  post: FormAction;
  actions: CommentActions;
  /** Replies folded away under each thread root on this page, and where the whole thread is read. */
  folded: Map<number, number>;
  foldedHref: (rootId: number) => string;
}

function Tombstone({ comment }: { comment: CommentView }) {
  const text =
    comment.state === "removed"
      ? `Removed by a moderator: ${comment.removalReason ?? "no reason given"}`
      : comment.state === "deleted"
        ? "Comment deleted"
        : "Awaiting moderation";
  return <p className="italic text-[var(--color-muted)]">{text}</p>;
}

function CommentBody({ comment, context }: { comment: TreeNode<CommentView>; context: ThreadContext }) {
  const name = comment.author?.name ?? comment.guestName ?? "Former member";
  const provider = context.providerName(comment.signedWith);
  const initial = (name.trim()[0] ?? "?").toUpperCase();
  const showAuthor = comment.state !== "deleted" && (comment.author || comment.guestName);
  const imported = comment.signedWith === "wordpress";
  return (
    <article
      id={`comment-${comment.id}`}
      aria-label={`Comment by ${showAuthor ? name : "a former member"}`}
      className="space-y-2"
    >
      <header className="comment-head">
        {showAuthor ? (
          <>
            <span aria-hidden="true" className="comment-avatar">
              {initial}
            </span>
            {comment.author ? (
              <Link href={`/members/${comment.author.handle}`} className="comment-name" prefetch={false}>
                {name}
              </Link>
            ) : (
              <span className="font-semibold">{name}</span>
            )}
            {imported ? (
              <span className="text-[var(--color-muted)]">via WordPress import</span>
            ) : (
              <span className="comment-signature">
                <ProviderMark provider={comment.signedWith} className="h-4 w-4" />
                <span className="sr-only">signed with</span>
                {provider}
              </span>
            )}
          </>
        ) : comment.state !== "deleted" ? (
          <span className="font-semibold text-[var(--color-muted)]">A former member</span>
        ) : null}
        <a href={`#comment-${comment.id}`} className="comment-meta">
          <time dateTime={comment.createdAt.toISOString()}>{exactTime(comment.createdAt)}</time>
        </a>
        {comment.inReplyTo ? <span className="text-[var(--color-muted)]">in reply to {comment.inReplyTo}</span> : null}
        {comment.editedAt && comment.state === "visible" ? (
          <span className="text-[var(--color-muted)]" title={`Edited ${exactTime(comment.editedAt)}`}>
            (edited)
          </span>
        ) : null}
        {comment.state === "held" && comment.html ? (
          <span className="rounded bg-amber-100 px-2 text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            Awaiting moderation
          </span>
        ) : null}
      </header>
      {comment.state === "removed" || comment.state === "deleted" || !comment.html ? (
        <Tombstone comment={comment} />
      ) : (
        <div className="prose-comment leading-relaxed" dangerouslySetInnerHTML={{ __html: comment.html }} />
      )}
      <CommentTools
        id={comment.id}
        authorId={comment.authorId}
        state={comment.state}
        createdAt={comment.createdAt.toISOString()}
        name={name}
      />
    </article>
  );
}

/**
 * Comments as nested lists, oldest first at every level. The review and the
 * actions are handed to the comments' controls once, not with each comment.
 */
export function CommentThread({ comments, context }: { comments: TreeNode<CommentView>[]; context: ThreadContext }) {
  return (
    <CommentActionsProvider reviewId={context.reviewId} post={context.post} actions={context.actions}>
      <CommentList comments={comments} context={context} />
    </CommentActionsProvider>
  );
}

function CommentList({ comments, context }: { comments: TreeNode<CommentView>[]; context: ThreadContext }) {
  return (
    <ol className="space-y-6">
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentBody comment={comment} context={context} />
          {comment.replies.length > 0 ? (
            <div className="comment-replies">
              <CommentList comments={comment.replies} context={context} />
            </div>
          ) : null}
          {context.folded.get(comment.id) ? (
            <p className="mt-3 pl-4 sm:pl-6">
              <Link
                href={context.foldedHref(comment.id)}
                className="text-sm font-medium text-[var(--color-accent)] hover:underline"
              >
                {`Read the rest of this thread: ${pluralize(context.folded.get(comment.id) ?? 0, "more reply", "more replies")}`}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
