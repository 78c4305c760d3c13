"use client";

import Link from "next/link";
import { ProviderMark } from "@/components/auth/provider-mark";
import type { CommentState } from "@/lib/policy";
import { pluralize } from "@/lib/text";
import { CommentTools } from "./comment-tools";
import { exactTime } from "./format-time";

/**
 * One comment as the page sends it: the facts it shows and its stored HTML,
 * nothing else, so a thread of hundreds costs its words and little more.
 */
export interface TreeComment {
  id: number;
  /** The member who wrote it, for the per-reader controls; null for a guest or a deleted account. */
  authorId: string | null;
  state: CommentState;
  /** ISO 8601. */
  createdAt: string;
  editedAt: string | null;
  html: string | null;
  removalReason: string | null;
  /** The author's handle when they are a member (their name links to their page). */
  handle: string | null;
  /** The name shown: a member's, an imported guest's, or null (a former member, a deleted comment). */
  name: string | null;
  inReplyTo: string | null;
  signedWith: string;
  replies: TreeComment[];
}

export interface TreeSettings {
  /** The name of each sign-in provider the comments name. */
  providers: Record<string, string>;
  /** Replies folded away under each thread root on this page. */
  folded: Record<number, number>;
  /** Where a thread is read on its own: this, then the root's id. */
  threadBase: string;
}

function Tombstone({ comment }: { comment: TreeComment }) {
  if (comment.state === "removed") {
    return (
      <p className="italic text-[var(--color-muted)]">
        {`Removed by a moderator: ${comment.removalReason ?? "no reason given"}`}{" "}
        <Link
          href={`/moderation/record/comments/${comment.id}`}
          className="not-italic text-[var(--color-accent)] hover:underline"
          prefetch={false}
        >
          (the moderation record)
        </Link>
      </p>
    );
  }
  const text = comment.state === "deleted" ? "Comment deleted" : "Awaiting moderation";
  return <p className="italic text-[var(--color-muted)]">{text}</p>;
}

function CommentBody({ comment, settings }: { comment: TreeComment; settings: TreeSettings }) {
  const name = comment.name ?? "Former member";
  const shown = comment.state !== "deleted" && comment.name !== null;
  const createdAt = new Date(comment.createdAt);
  return (
    <article
      id={`comment-${comment.id}`}
      aria-label={`Comment by ${shown ? name : "a former member"}`}
      className="space-y-2"
    >
      <header className="comment-head">
        {shown ? (
          <>
            <span aria-hidden="true" className="comment-avatar">
              {(name.trim()[0] ?? "?").toUpperCase()}
            </span>
            {comment.handle ? (
              <Link href={`/members/${comment.handle}`} className="comment-name" prefetch={false}>
                {name}
              </Link>
            ) : (
              <span className="font-semibold">{name}</span>
            )}
            {comment.signedWith === "wordpress" ? (
              <span className="text-[var(--color-muted)]">via WordPress import</span>
            ) : (
              <span className="comment-signature">
                <ProviderMark provider={comment.signedWith} className="h-4 w-4" />
                <span className="sr-only">signed with</span>
                {settings.providers[comment.signedWith] ?? comment.signedWith}
              </span>
            )}
          </>
        ) : comment.state !== "deleted" ? (
          <span className="font-semibold text-[var(--color-muted)]">A former member</span>
        ) : null}
        <a href={`#comment-${comment.id}`} className="comment-meta">
          <time dateTime={comment.createdAt}>{exactTime(createdAt)}</time>
        </a>
        {comment.inReplyTo ? <span className="text-[var(--color-muted)]">in reply to {comment.inReplyTo}</span> : null}
        {comment.editedAt && comment.state === "visible" ? (
          <span className="text-[var(--color-muted)]" title={`Edited ${exactTime(new Date(comment.editedAt))}`}>
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
        createdAt={comment.createdAt}
        name={name}
      />
    </article>
  );
}

/** Comments as nested lists, oldest first at every level. */
export function CommentTree({ comments, settings }: { comments: TreeComment[]; settings: TreeSettings }) {
  return (
    <ol className="space-y-6">
      {comments.map((comment) => {
        const folded = settings.folded[comment.id] ?? 0;
        return (
          <li key={comment.id}>
            <CommentBody comment={comment} settings={settings} />
            {comment.replies.length > 0 ? (
              <div className="comment-replies">
                <CommentTree comments={comment.replies} settings={settings} />
              </div>
            ) : null}
            {folded ? (
              <p className="mt-3 pl-4 sm:pl-6">
                <Link
                  href={`${settings.threadBase}${comment.id}#comment-${comment.id}`}
                  className="text-sm font-medium text-[var(--color-accent)] hover:underline"
                >
                  {`Read the rest of this thread: ${pluralize(folded, "more reply", "more replies")}`}
                </Link>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
