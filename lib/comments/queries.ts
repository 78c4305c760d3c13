import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { comments, films, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { htmlOfRows } from "@/lib/markdown/stored";
import {
  commentControls,
  mayReadComment,
  maySeeCommentSource,
  type CommentControls,
  type CommentState,
} from "@/lib/policy";
import { buildThreads, type TreeNode } from "./tree";

export const THREADS_PER_PAGE = 20;

export type { CommentState };

export interface CommentView {
  id: number;
  parentId: number | null;
  depth: number;
  createdAt: Date;
  editedAt: Date | null;
  state: CommentState;
  /** Sanitized HTML; null when the viewer may not read the text (deleted, removed, held for others). */
  html: string | null;
  /** The raw text for its author's edit form and for moderators of removed or held comments. */
  source: string | null;
  removalReason: string | null;
  author: { handle: string; name: string; image: string | null } | null;
  signedWith: string;
  /** What this viewer may do to the comment, from lib/policy. */
  controls: CommentControls;
}

export interface ThreadPage {
  reviewId: number;
  filmTitle: string;
  /** Visible comments on the whole review, for "N thoughts on …". */
  count: number;
  threads: TreeNode<CommentView>[];
  page: number;
  pageCount: number;
}

/**
 * One page of a review's comment threads: whole threads (a top-level comment
 * and all its replies) oldest first, so no thread breaks across pages. Three
 * queries whatever the number of comments, and one more when some comments'
 * HTML was not stored yet (rendered now, and stored in one statement).
 */
export async function getThreadPage(
  reviewId: number,
  page: number,
  viewer: CurrentUser | null,
  now = new Date(),
): Promise<ThreadPage | null> {
  const db = await getDb();
  // One snapshot for the count and the comments, so a moderation landing
  // between the two reads cannot make them disagree.
  const read = await db.transaction(
    async (tx) => {
      const [head] = await tx
        .select({
          filmTitle: films.title,
          count: sql<number>`(select count(*) from ${comments} where ${comments.reviewId} = ${reviews.id}
            and ${comments.deletedAt} is null and ${comments.removedAt} is null and ${comments.heldAt} is null)`.mapWith(
            Number,
          ),
          threadCount: sql<number>`(select count(*) from ${comments} where ${comments.reviewId} = ${reviews.id}
            and ${comments.parentId} is null)`.mapWith(Number),
        })
        .from(reviews)
        .innerJoin(films, eq(films.id, reviews.filmId))
        .where(eq(reviews.id, reviewId))
        .limit(1);
      if (!head) return null;
      const pageCount = Math.max(1, Math.ceil(head.threadCount / THREADS_PER_PAGE));
      const current = Math.min(Math.max(1, page), pageCount);

      const roots = tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.reviewId, reviewId), isNull(comments.parentId)))
        .orderBy(asc(comments.createdAt), asc(comments.id))
        .limit(THREADS_PER_PAGE)
        .offset((current - 1) * THREADS_PER_PAGE);
      const author = alias(users, "author");
      const rows = await tx
        .select({
          id: comments.id,
          parentId: comments.parentId,
          depth: comments.depth,
          body: comments.body,
          bodyHtml: comments.bodyHtml,
          bodyHtmlVersion: comments.bodyHtmlVersion,
          createdAt: comments.createdAt,
          editedAt: comments.editedAt,
          deletedAt: comments.deletedAt,
          removedAt: comments.removedAt,
          heldAt: comments.heldAt,
          removalReason: comments.removalReason,
          signedWith: comments.signedWithProvider,
          authorId: comments.authorId,
          authorHandle: author.handle,
          authorName: author.name,
          authorImage: author.image,
        })
        .from(comments)
        .leftJoin(author, eq(author.id, comments.authorId))
        .where(and(eq(comments.reviewId, reviewId), inArray(comments.threadRootId, roots)));
      return { head, current, pageCount, rows };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  if (!read) return null;
  const { head, current, pageCount, rows } = read;

  const stateOf = (row: (typeof rows)[number]): CommentState =>
    row.deletedAt ? "deleted" : row.removedAt ? "removed" : row.heldAt ? "held" : "visible";
  const factsOf = (row: (typeof rows)[number]) => ({
    authorId: row.authorId,
    state: stateOf(row),
    createdAt: row.createdAt,
  });
  const html = await htmlOfRows(
    db,
    "comments",
    rows.filter((row) => mayReadComment(viewer, factsOf(row))),
  );

  const views: CommentView[] = rows.map((row) => {
    const facts = factsOf(row);
    const state = facts.state;
    return {
      id: row.id,
      parentId: row.parentId,
      depth: row.depth,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      state,
      html: mayReadComment(viewer, facts) ? (html.get(row.id) ?? null) : null,
      source: maySeeCommentSource(viewer, facts) ? row.body : null,
      removalReason: state === "removed" ? row.removalReason : null,
      author:
        row.authorHandle !== null && state !== "deleted"
          ? { handle: row.authorHandle, name: row.authorName ?? row.authorHandle, image: row.authorImage }
          : null,
      signedWith: row.signedWith,
      controls: commentControls(viewer, facts, now),
    };
  });
  const threads = buildThreads(views, (view) => {
    if (view.state === "visible" || view.state === "removed") return "show";
    if (view.state === "held" && view.html !== null) return "show";
    return "tombstone-if-replies";
  });
  return { reviewId, filmTitle: head.filmTitle, count: head.count, threads, page: current, pageCount };
}
