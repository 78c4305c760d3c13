import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { accounts, blockedTerms, commentReports, comments, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/roles";
import { renderStored } from "@/lib/markdown";
import { consumeCommentAllowance } from "@/lib/rate-limit";
import {
  COMMENT_EDIT_WINDOW_MS,
  editCommentSchema,
  postCommentSchema,
  reportCommentSchema,
  type EditCommentInput,
  type PostCommentInput,
  type ReportCommentInput,
} from "./schema";
import { listSigningAccounts } from "./signing";
import { placeReply } from "./tree";

export type CommentField = "body" | "parentId" | "reviewId" | "commentId" | "reason" | "note";

/** What a comment operation answers: done, or a sentence for the member (and the field it concerns). */
export type CommentRefusal = { ok: false; message: string; fieldErrors?: Partial<Record<CommentField, string[]>> };
export type CommentOutcome<T = object> = ({ ok: true } & T) | CommentRefusal;

export const SUSPENDED_MESSAGE =
  "Your account is suspended, so you cannot post or report. You can still read and sign in.";
export const SIGNED_OUT_MESSAGE = "Sign in to join the conversation.";

function refusePoster(actor: CurrentUser | null): CommentRefusal | null {
  if (!actor) return { ok: false, message: SIGNED_OUT_MESSAGE };
  if (actor.suspended) return { ok: false, message: SUSPENDED_MESSAGE };
  return null;
}

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): CommentRefusal {
  const fieldErrors: Partial<Record<CommentField, string[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body") as CommentField;
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const first = error.issues[0]?.message ?? "Check the form.";
  return { ok: false, message: first, fieldErrors };
}

/** Links in a comment: bare URLs and Markdown links. */
export function countLinks(body: string): number {
  const urls = body.match(/\bhttps?:\/\/|\bwww\.|\]\(/gi) ?? [];
  return urls.length;
}

/** Why a comment is held for a moderator, or null when it may show at once. */
export async function holdReason(db: Database, body: string): Promise<string | null> {
  if (countLinks(body) >= 3) return "three or more links";
  const lowered = body.toLowerCase();
  const [hit] = await db
    .select({ term: blockedTerms.term })
    .from(blockedTerms)
    .where(sql`strpos(${lowered}, lower(${blockedTerms.term})) > 0`)
    .limit(1);
  return hit ? "a blocked term" : null;
}

/**
 * Posts a comment or a reply, signed by the member's current account. Refuses
 * visitors, suspended members, unpublished reviews and replies to comments
 * that are gone; applies the posting limits; holds a comment with three or
 * more links or a blocked term for moderation.
 */
export async function postComment(
  actor: CurrentUser | null,
  input: PostCommentInput,
): Promise<CommentOutcome<{ commentId: number; held: boolean }>> {
  const refused = refusePoster(actor);
  if (refused) return refused;
  const parsed = postCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { reviewId, parentId, body } = parsed.data;
  const db = await getDb();

  const [review] = await db
    .select({ status: reviews.status })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .limit(1);
  if (!review || review.status !== "published") {
    return { ok: false, message: "This review is not open for comments." };
  }
  let placement: { parentId: number | null; depth: number; threadRootId: number | null } = {
    parentId: null,
    depth: 0,
    threadRootId: null,
  };
  if (parentId !== undefined) {
    const [parent] = await db
      .select({
        id: comments.id,
        reviewId: comments.reviewId,
        parentId: comments.parentId,
        depth: comments.depth,
        threadRootId: comments.threadRootId,
        deletedAt: comments.deletedAt,
        removedAt: comments.removedAt,
        heldAt: comments.heldAt,
      })
      .from(comments)
      .where(eq(comments.id, parentId))
      .limit(1);
    if (!parent || parent.reviewId !== reviewId) {
      return { ok: false, message: "The comment you are replying to does not exist.", fieldErrors: { parentId: ["Not found."] } };
    }
    if (parent.deletedAt || parent.removedAt || parent.heldAt) {
      return { ok: false, message: "You cannot reply to a comment that was deleted, removed or is awaiting moderation." };
    }
    placement = placeReply(parent);
  }

  const [account] = await listSigningAccounts(actor!.id);
  if (!account) return { ok: false, message: "Link a sign-in account to your profile before commenting." };

  if (!hasRole(actor!.role, "moderator")) {
    const allowance = await consumeCommentAllowance(db, actor!.id);
    if (!allowance.ok) return { ok: false, message: allowance.message };
  }
  const held = hasRole(actor!.role, "moderator") ? null : await holdReason(db, body);

  const commentId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(comments)
      .values({
        reviewId,
        authorId: actor!.id,
        parentId: placement.parentId,
        threadRootId: placement.threadRootId,
        depth: placement.depth,
        body,
        ...renderStored(body),
        signedWithProvider: account.provider,
        signedWithAccountId: account.providerAccountId,
        heldAt: held ? new Date() : null,
      })
      .returning({ id: comments.id });
    if (placement.threadRootId === null) {
      await tx.update(comments).set({ threadRootId: row!.id }).where(eq(comments.id, row!.id));
    }
    return row!.id;
  });
  return { ok: true, commentId, held: held !== null };
}

async function ownComment(db: Database, actor: CurrentUser, commentId: number) {
  const [comment] = await db
    .select({
      id: comments.id,
      authorId: comments.authorId,
      reviewId: comments.reviewId,
      createdAt: comments.createdAt,
      deletedAt: comments.deletedAt,
      removedAt: comments.removedAt,
    })
    .from(comments)
    .where(eq(comments.id, commentId))
    .limit(1);
  if (!comment || comment.deletedAt) return { ok: false as const, message: "That comment does not exist." };
  if (comment.authorId !== actor.id) return { ok: false as const, message: "You can only change your own comments." };
  return { ok: true as const, comment };
}

/** Edits the author's own comment within 15 minutes of posting; marks it edited. */
export async function editComment(
  actor: CurrentUser | null,
  input: EditCommentInput,
  now = new Date(),
): Promise<CommentOutcome<{ reviewId: number; held: boolean }>> {
  const refused = refusePoster(actor);
  if (refused) return refused;
  const parsed = editCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  const found = await ownComment(db, actor!, parsed.data.commentId);
  if (!found.ok) return found;
  const { comment } = found;
  if (comment.removedAt) return { ok: false, message: "A moderator removed this comment; it cannot be edited." };
  if (now.getTime() - comment.createdAt.getTime() >= COMMENT_EDIT_WINDOW_MS) {
    return { ok: false, message: "Comments can be edited for 15 minutes after posting; this one can no longer be changed." };
  }
  const held = hasRole(actor!.role, "moderator") ? null : await holdReason(db, parsed.data.body);
  await db
    .update(comments)
    .set({ body: parsed.data.body, ...renderStored(parsed.data.body), editedAt: now, ...(held ? { heldAt: now } : {}) })
    .where(eq(comments.id, comment.id));
  return { ok: true, reviewId: comment.reviewId, held: held !== null };
}

/**
 * Deletes the author's own comment: its words are erased; the thread keeps a
 * "Comment deleted" tombstone when it has replies.
 */
export async function deleteComment(
  actor: CurrentUser | null,
  commentId: number,
): Promise<CommentOutcome<{ reviewId: number }>> {
  if (!actor) return { ok: false, message: SIGNED_OUT_MESSAGE };
  const db = await getDb();
  const found = await ownComment(db, actor, commentId);
  if (!found.ok) return found;
  if (found.comment.removedAt) {
    return { ok: false, message: "A moderator removed this comment; it stays for the record." };
  }
  await db.update(comments).set({ deletedAt: new Date(), body: "", ...renderStored("") }).where(eq(comments.id, commentId));
  return { ok: true, reviewId: found.comment.reviewId };
}

/** Reports someone else's comment to the moderators, once per member per comment. */
export async function reportComment(
  actor: CurrentUser | null,
  input: ReportCommentInput,
): Promise<CommentOutcome<{ reviewId: number }>> {
  const refused = refusePoster(actor);
  if (refused) return refused;
  const parsed = reportCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  const [comment] = await db
    .select({ authorId: comments.authorId, reviewId: comments.reviewId, deletedAt: comments.deletedAt })
    .from(comments)
    .where(eq(comments.id, parsed.data.commentId))
    .limit(1);
  if (!comment || comment.deletedAt) return { ok: false, message: "That comment does not exist." };
  if (comment.authorId === actor!.id) return { ok: false, message: "You cannot report your own comment." };
  const inserted = await db
    .insert(commentReports)
    .values({
      commentId: parsed.data.commentId,
      reporterId: actor!.id,
      reason: parsed.data.reason,
      note: parsed.data.note || null,
    })
    .onConflictDoNothing()
    .returning({ id: commentReports.id });
  if (inserted.length === 0) return { ok: false, message: "You have already reported this comment; the moderators have it." };
  return { ok: true, reviewId: comment.reviewId };
}

/** Makes one of the member's linked accounts the one that signs their comments. */
export async function chooseSigningAccount(
  actor: CurrentUser | null,
  provider: string,
  providerAccountId: string,
): Promise<CommentOutcome> {
  if (!actor) return { ok: false, message: SIGNED_OUT_MESSAGE };
  const db = await getDb();
  const updated = await db
    .update(accounts)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(accounts.userId, actor.id),
        eq(accounts.provider, provider),
        eq(accounts.providerAccountId, providerAccountId),
      ),
    )
    .returning({ provider: accounts.provider });
  if (updated.length === 0) return { ok: false, message: "That account is not linked to your profile." };
  return { ok: true };
}
