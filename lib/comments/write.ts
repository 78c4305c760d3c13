import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { accounts, blockedTerms, commentReports, comments, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import {
  authorize,
  commentStateOf,
  refuseCommentDelete,
  refuseCommentEdit,
  refuseCommentReport,
  refuseReplyTo,
  skipsPostingLimits,
  SIGN_IN_TO_COMMENT,
  SUSPENDED_CANNOT_COMMENT,
  type CommentFacts,
} from "@/lib/policy";
import { renderStored } from "@/lib/markdown";
import { consumeCommentAllowance } from "@/lib/rate-limit";
import { fail, invalid, ok, type Result } from "@/lib/result";
import {
  commentIdSchema,
  editCommentSchema,
  postCommentSchema,
  reportCommentSchema,
  type signingAccountSchema,
  type CommentIdInput,
  type EditCommentInput,
  type PostCommentInput,
  type ReportCommentInput,
} from "./schema";
import { listSigningAccounts } from "./signing";
import { placeReply } from "./tree";

/** How comment writes word a refusal for a visitor or a suspended member. */
export const COMMENT_WORDS = { signedOut: SIGN_IN_TO_COMMENT, suspended: SUSPENDED_CANNOT_COMMENT };

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

/** A comment as the rules see it, with the review it belongs to. */
async function findComment(db: Database, commentId: number): Promise<(CommentFacts & { reviewId: number }) | null> {
  const [row] = await db
    .select({
      authorId: comments.authorId,
      reviewId: comments.reviewId,
      createdAt: comments.createdAt,
      deletedAt: comments.deletedAt,
      removedAt: comments.removedAt,
      heldAt: comments.heldAt,
    })
    .from(comments)
    .where(eq(comments.id, commentId))
    .limit(1);
  return row
    ? { authorId: row.authorId, reviewId: row.reviewId, createdAt: row.createdAt, state: commentStateOf(row) }
    : null;
}

export interface PostedComment {
  commentId: number;
  held: boolean;
  changed: Tag[];
}

/**
 * Posts a comment or a reply, signed by the member's current account. Refuses
 * visitors, suspended members, unpublished reviews and replies to comments
 * that are gone; applies the posting limits; holds a comment with three or
 * more links or a blocked term for moderation.
 */
export async function postComment(actor: CurrentUser, input: PostCommentInput): Promise<Result<PostedComment>> {
  const poster = authorize(actor, "poster", COMMENT_WORDS);
  if (!poster.ok) return poster;
  const parsed = postCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { reviewId, parentId, body } = parsed.data;
  const db = await getDb();

  const [review] = await db.select({ status: reviews.status }).from(reviews).where(eq(reviews.id, reviewId)).limit(1);
  if (!review || review.status !== "published") return fail("not_found", "This review is not open for comments.");

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
        authorId: comments.authorId,
        createdAt: comments.createdAt,
        deletedAt: comments.deletedAt,
        removedAt: comments.removedAt,
        heldAt: comments.heldAt,
      })
      .from(comments)
      .where(eq(comments.id, parentId))
      .limit(1);
    if (!parent || parent.reviewId !== reviewId) {
      return fail("not_found", "The comment you are replying to does not exist.", { parentId: ["Not found."] });
    }
    const refused = refuseReplyTo({
      authorId: parent.authorId,
      createdAt: parent.createdAt,
      state: commentStateOf(parent),
    });
    if (refused) return refused;
    placement = placeReply(parent);
  }

  const [account] = await listSigningAccounts(actor.id);
  if (!account) return fail("forbidden", "Link a sign-in account to your profile before commenting.");

  const exempt = skipsPostingLimits(actor);
  if (!exempt) {
    const allowance = await consumeCommentAllowance(db, actor.id);
    if (!allowance.ok) return allowance;
  }
  const held = exempt ? null : await holdReason(db, body);

  const commentId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(comments)
      .values({
        reviewId,
        authorId: actor.id,
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
    if (!row) throw new Error("The comment insert returned no row.");
    if (placement.threadRootId === null) {
      await tx.update(comments).set({ threadRootId: row.id }).where(eq(comments.id, row.id));
    }
    return row.id;
  });
  const changed = held ? [tags.review(reviewId), tags.moderation] : [tags.review(reviewId), tags.reviews];
  return ok({ commentId, held: held !== null, changed });
}

/** Edits the author's own comment within 15 minutes of posting; marks it edited. */
export async function editComment(
  actor: CurrentUser,
  input: EditCommentInput,
  now = new Date(),
): Promise<Result<{ reviewId: number; held: boolean; changed: Tag[] }>> {
  const poster = authorize(actor, "poster", COMMENT_WORDS);
  if (!poster.ok) return poster;
  const parsed = editCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  const comment = await findComment(db, parsed.data.commentId);
  const refused = refuseCommentEdit(actor, comment, now);
  if (refused || !comment) return refused ?? fail("not_found", "That comment does not exist.");
  const held = skipsPostingLimits(actor) ? null : await holdReason(db, parsed.data.body);
  await db
    .update(comments)
    .set({ body: parsed.data.body, ...renderStored(parsed.data.body), editedAt: now, ...(held ? { heldAt: now } : {}) })
    .where(eq(comments.id, parsed.data.commentId));
  const changed = [tags.review(comment.reviewId), ...(held ? [tags.moderation] : [])];
  return ok({ reviewId: comment.reviewId, held: held !== null, changed });
}

/**
 * Deletes the author's own comment: its words are erased; the thread keeps a
 * "Comment deleted" tombstone when it has replies.
 */
export async function deleteComment(
  actor: CurrentUser,
  input: CommentIdInput,
): Promise<Result<{ reviewId: number; changed: Tag[] }>> {
  const member = authorize(actor, "member", COMMENT_WORDS);
  if (!member.ok) return member;
  const parsed = commentIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  const comment = await findComment(db, parsed.data.commentId);
  const refused = refuseCommentDelete(actor, comment);
  if (refused || !comment) return refused ?? fail("not_found", "That comment does not exist.");
  await db
    .update(comments)
    .set({ deletedAt: new Date(), body: "", ...renderStored("") })
    .where(eq(comments.id, parsed.data.commentId));
  return ok({ reviewId: comment.reviewId, changed: [tags.review(comment.reviewId), tags.moderation] });
}

/** Reports someone else's comment to the moderators, once per member per comment. */
export async function reportComment(
  actor: CurrentUser,
  input: ReportCommentInput,
): Promise<Result<{ reviewId: number; changed: Tag[] }>> {
  const poster = authorize(actor, "poster", COMMENT_WORDS);
  if (!poster.ok) return poster;
  const parsed = reportCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  const comment = await findComment(db, parsed.data.commentId);
  const refused = refuseCommentReport(actor, comment);
  if (refused || !comment) return refused ?? fail("not_found", "That comment does not exist.");
  const inserted = await db
    .insert(commentReports)
    .values({
      commentId: parsed.data.commentId,
      reporterId: actor.id,
      reason: parsed.data.reason,
      note: parsed.data.note || null,
    })
    .onConflictDoNothing()
    .returning({ id: commentReports.id });
  if (inserted.length === 0) {
    return fail("conflict", "You have already reported this comment; the moderators have it.");
  }
  return ok({ reviewId: comment.reviewId, changed: [tags.moderation] });
}

/** Makes one of the member's linked accounts the one that signs their comments. */
export async function chooseSigningAccount(
  actor: CurrentUser,
  input: z.output<typeof signingAccountSchema>,
): Promise<Result<{ changed: Tag[] }>> {
  const { provider, providerAccountId } = input.account;
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
  if (updated.length === 0) return fail("not_found", "That account is not linked to your profile.");
  return ok({ changed: [tags.member(actor.id)] });
}
