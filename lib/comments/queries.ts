import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { comments, films, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { htmlOfRows } from "@/lib/markdown/stored";
import {
  commentControls,
  commentStateOf,
  mayReadComment,
  maySeeCommentSource,
  type CommentControls,
  type CommentState,
} from "@/lib/policy";
import { buildThreads, type TreeNode } from "./tree";

export const THREADS_PER_PAGE = 20;
/** Replies a thread shows on the review page; the rest fold behind a link to the thread itself. */
export const REPLIES_SHOWN = 50;
/** Comments per page when one thread is read on its own. */
export const THREAD_COMMENTS_PER_PAGE = 200;

export type { CommentState };

export interface CommentView {
  id: number;
  parentId: number | null;
  depth: number;
  /** The member who wrote it (null for a guest or a deleted account): the page's per-reader controls key on it. */
  authorId: string | null;
  createdAt: Date;
  editedAt: Date | null;
  state: CommentState;
  /** Sanitized HTML; null when the viewer may not read the text (deleted, removed, held for others). */
  html: string | null;
  /** The raw text for its author's edit form and for moderators of removed or held comments. */
  source: string | null;
  removalReason: string | null;
  author: { handle: string; name: string; image: string | null } | null;
  /** Whom it answers, when that comment is not shown on this page (a long thread read in parts). */
  inReplyTo: string | null;
  /** The name an imported guest signed with (no member behind the comment), or null. */
  guestName: string | null;
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
  /** Thread root id → replies folded away on this page (shown on the thread's own page). */
  folded: Map<number, number>;
  page: number;
  pageCount: number;
  /** Set when one thread is read on its own (`?thread=`): its root, and its comment pages. */
  thread: { rootId: number; page: number; pageCount: number; total: number } | null;
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
  options: { threadId?: number | null; threadPage?: number } = {},
): Promise<ThreadPage | null> {
  const threadId = options.threadId ?? null;
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

      const roots = threadId
        ? tx
            .select({ id: comments.id })
            .from(comments)
            .where(and(eq(comments.reviewId, reviewId), isNull(comments.parentId), eq(comments.id, threadId)))
        : tx
            .select({ id: comments.id })
            .from(comments)
            .where(and(eq(comments.reviewId, reviewId), isNull(comments.parentId)))
            .orderBy(asc(comments.createdAt), asc(comments.id))
            .limit(THREADS_PER_PAGE)
            .offset((current - 1) * THREADS_PER_PAGE);
      // Each comment's place in its thread, oldest first, and the thread's size: a reply is
      // always younger than its parent, so the first N of a thread form one connected tree.
      const ranked = tx
        .select({
          id: comments.id,
          place:
            sql<number>`row_number() over (partition by ${comments.threadRootId} order by ${comments.createdAt}, ${comments.id})`.as(
              "place",
            ),
          size: sql<number>`count(*) over (partition by ${comments.threadRootId})`.as("size"),
        })
        .from(comments)
        .where(and(eq(comments.reviewId, reviewId), inArray(comments.threadRootId, roots)))
        .as("ranked");
      const threadPage = Math.max(1, options.threadPage ?? 1);
      const window = threadId
        ? sql`${ranked.place} > ${(threadPage - 1) * THREAD_COMMENTS_PER_PAGE} and ${ranked.place} <= ${threadPage * THREAD_COMMENTS_PER_PAGE}`
        : sql`${ranked.place} <= ${REPLIES_SHOWN + 1}`;
      const author = alias(users, "author");
      const parent = alias(comments, "parent");
      const parentAuthor = alias(users, "parent_author");
      const answered = alias(comments, "answered");
      const answeredAuthor = alias(users, "answered_author");
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
          threadRootId: comments.threadRootId,
          parentAuthorName: parentAuthor.name,
          parentAuthorHandle: parentAuthor.handle,
          threadSize: sql<number>`${ranked.size}`.mapWith(Number),
          guestName: comments.authorName,
          parentGuestName: parent.authorName,
          answeredId: comments.answeredId,
          answeredAuthorName: answeredAuthor.name,
          answeredAuthorHandle: answeredAuthor.handle,
          answeredGuestName: answered.authorName,
        })
        .from(ranked)
        .innerJoin(comments, eq(comments.id, ranked.id))
        .leftJoin(author, eq(author.id, comments.authorId))
        .leftJoin(parent, eq(parent.id, comments.parentId))
        .leftJoin(parentAuthor, eq(parentAuthor.id, parent.authorId))
        .leftJoin(answered, eq(answered.id, comments.answeredId))
        .leftJoin(answeredAuthor, eq(answeredAuthor.id, answered.authorId))
        .where(window);
      return { head, current, pageCount, rows, threadPage };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  if (!read) return null;
  const { head, current, pageCount, rows, threadPage } = read;
  // A thread that is not one of this review's: the review's threads as usual.
  if (threadId && rows.length === 0 && threadPage === 1) return getThreadPage(reviewId, page, viewer, now);

  const factsOf = (row: (typeof rows)[number]) => ({
    authorId: row.authorId,
    state: commentStateOf(row),
    createdAt: row.createdAt,
  });
  const html = await htmlOfRows(
    db,
    "comments",
    rows.filter((row) => mayReadComment(viewer, factsOf(row))),
  );

  const present = new Set(rows.map((row) => row.id));
  const views: CommentView[] = rows.map((row) => {
    const facts = factsOf(row);
    const state = facts.state;
    return {
      id: row.id,
      parentId: row.parentId,
      depth: row.depth,
      authorId: state === "deleted" ? null : row.authorId,
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
      // Named when the thread cannot show it: a reply beside the deepest-level comment it answers,
      // or one whose parent is on another page.
      inReplyTo:
        row.answeredId !== null
          ? (row.answeredAuthorName ?? row.answeredAuthorHandle ?? row.answeredGuestName ?? "a former member")
          : row.parentId !== null && !present.has(row.parentId)
            ? (row.parentAuthorName ?? row.parentAuthorHandle ?? row.parentGuestName ?? "a former member")
            : null,
      guestName: row.authorId === null && state !== "deleted" ? row.guestName : null,
      signedWith: row.signedWith,
      controls: commentControls(viewer, facts, now),
    };
  });
  const threads = buildThreads(views, (view) => {
    if (view.state === "visible" || view.state === "removed") return "show";
    if (view.state === "held" && view.html !== null) return "show";
    return "tombstone-if-replies";
  });
  const sizes = new Map<number, number>();
  for (const row of rows) if (row.threadRootId !== null) sizes.set(row.threadRootId, row.threadSize);
  const folded = new Map<number, number>();
  if (!threadId) {
    for (const [rootId, size] of sizes) if (size > REPLIES_SHOWN + 1) folded.set(rootId, size - REPLIES_SHOWN - 1);
  }
  const total = threadId ? (sizes.get(threadId) ?? 0) : 0;
  const thread = threadId
    ? { rootId: threadId, page: threadPage, pageCount: Math.max(1, Math.ceil(total / THREAD_COMMENTS_PER_PAGE)), total }
    : null;
  return { reviewId, filmTitle: head.filmTitle, count: head.count, threads, folded, page: current, pageCount, thread };
}

/** One comment's Markdown source, if `viewer` may see it (lib/policy); null otherwise or when there is no such comment. */
export async function getCommentSource(viewer: CurrentUser | null, commentId: number): Promise<string | null> {
  if (!viewer) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      body: comments.body,
      authorId: comments.authorId,
      createdAt: comments.createdAt,
      deletedAt: comments.deletedAt,
      removedAt: comments.removedAt,
      heldAt: comments.heldAt,
    })
    .from(comments)
    .where(eq(comments.id, commentId))
    .limit(1);
  if (!row) return null;
  const state = commentStateOf(row);
  return maySeeCommentSource(viewer, { authorId: row.authorId, state, createdAt: row.createdAt }) ? row.body : null;
}

/** The comment a reply form answers, as its own page shows it: the review it is on, who wrote it and its HTML. */
export async function getReplyTarget(
  viewer: CurrentUser | null,
  reviewId: number,
  commentId: number,
): Promise<{
  id: number;
  authorName: string;
  html: string | null;
  state: CommentState;
  authorId: string | null;
  createdAt: Date;
} | null> {
  const db = await getDb();
  const author = alias(users, "author");
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      bodyHtml: comments.bodyHtml,
      bodyHtmlVersion: comments.bodyHtmlVersion,
      authorId: comments.authorId,
      authorName: sql<string | null>`coalesce(${author.name}, ${author.handle}, ${comments.authorName})`,
      createdAt: comments.createdAt,
      deletedAt: comments.deletedAt,
      removedAt: comments.removedAt,
      heldAt: comments.heldAt,
    })
    .from(comments)
    .leftJoin(author, eq(author.id, comments.authorId))
    .where(and(eq(comments.id, commentId), eq(comments.reviewId, reviewId)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const state = commentStateOf(row);
  const facts = { authorId: row.authorId, state, createdAt: row.createdAt };
  const html = mayReadComment(viewer, facts) ? ((await htmlOfRows(db, "comments", rows)).get(row.id) ?? null) : null;
  return {
    id: row.id,
    authorName: state === "deleted" ? "a former member" : (row.authorName ?? "a former member"),
    html,
    state,
    authorId: row.authorId,
    createdAt: row.createdAt,
  };
}
