import "server-only";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/client";
import { comments, films, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/roles";
import { htmlOfRows } from "@/lib/markdown/stored";
import { COMMENT_EDIT_WINDOW_MS } from "./schema";
import { buildThreads, type TreeNode } from "./tree";

export const THREADS_PER_PAGE = 20;

/** Only comments that are neither deleted, removed nor held count as "thoughts". */
export const visibleComment = and(isNull(comments.deletedAt), isNull(comments.removedAt), isNull(comments.heldAt));

export type CommentState = "visible" | "deleted" | "removed" | "held";

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
  isOwn: boolean;
  canEdit: boolean;
  canReply: boolean;
  canReport: boolean;
  canModerate: boolean;
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

/** Counts a review's visible comments (not deleted, removed or held). */
export async function countVisibleComments(db: Database, reviewId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.reviewId, reviewId), visibleComment));
  return row?.n ?? 0;
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
  const isModerator = viewer ? hasRole(viewer.role, "moderator") : false;
  // One snapshot for the count and the comments, so a moderation landing
  // between the two reads cannot make them disagree.
  const read = await db.transaction(
    async (tx) => {
      const [head] = await tx
        .select({
          filmTitle: films.title,
          count: sql<number>`(select count(*) from ${comments} where ${comments.reviewId} = ${reviews.id}
            and ${comments.deletedAt} is null and ${comments.removedAt} is null and ${comments.heldAt} is null)`.mapWith(Number),
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
        .where(
          and(eq(comments.reviewId, reviewId), inArray(comments.threadRootId, roots)),
        );
      return { head, current, pageCount, rows };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  if (!read) return null;
  const { head, current, pageCount, rows } = read;

  const stateOf = (row: (typeof rows)[number]): CommentState =>
    row.deletedAt ? "deleted" : row.removedAt ? "removed" : row.heldAt ? "held" : "visible";
  const isReadable = (row: (typeof rows)[number]) => {
    const state = stateOf(row);
    return state === "visible" || (state === "held" && viewer !== null && (row.authorId === viewer.id || isModerator));
  };
  const html = await htmlOfRows(db, "comments", rows.filter(isReadable));

  const views: CommentView[] = rows.map((row) => {
    const isOwn = viewer !== null && row.authorId === viewer.id;
    const state = stateOf(row);
    const readable = isReadable(row);
    const canPost = viewer !== null && !viewer.suspended;
    return {
      id: row.id,
      parentId: row.parentId,
      depth: row.depth,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      state,
      html: readable ? (html.get(row.id) ?? null) : null,
      source:
        (isOwn && state !== "deleted") || (isModerator && (state === "removed" || state === "held")) ? row.body : null,
      removalReason: state === "removed" ? row.removalReason : null,
      author:
        row.authorHandle !== null && state !== "deleted"
          ? { handle: row.authorHandle, name: row.authorName ?? row.authorHandle, image: row.authorImage }
          : null,
      signedWith: row.signedWith,
      isOwn,
      canEdit: isOwn && canPost && state === "visible" && now.getTime() - row.createdAt.getTime() < COMMENT_EDIT_WINDOW_MS,
      canReply: canPost && state === "visible",
      canReport: canPost && !isOwn && state === "visible",
      canModerate: isModerator && state !== "deleted",
    };
  });
  const threads = buildThreads(views, (view) => {
    if (view.state === "visible" || view.state === "removed") return "show";
    if (view.state === "held" && view.html !== null) return "show";
    return "tombstone-if-replies";
  });
  return { reviewId, filmTitle: head.filmTitle, count: head.count, threads, page: current, pageCount };
}
