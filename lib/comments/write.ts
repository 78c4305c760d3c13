import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
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
import { countLinks, renderStored } from "@/lib/markdown";
import { notifyReply, notifyReviewComment } from "@/lib/notifications/write";
import { consumeCommentAllowance, consumeMemberAllowance } from "@/lib/rate-limit";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { normalizeForMatching } from "@/lib/text";
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
import { signingOrder } from "./signing";
import { placeReply } from "./tree";

/** How comment writes word a refusal for a visitor or a suspended member. */
export const COMMENT_WORDS = { signedOut: SIGN_IN_TO_COMMENT, suspended: SUSPENDED_CANNOT_COMMENT };

/** What a member is told when they post the same text under the same review within ten minutes. */
export const DUPLICATE_MESSAGE = "You just posted this.";

/** A blocklist row whose term the comment's text contains. */
function termIn(body: string): SQL {
  // Normalised here in JS (NFKC, lower case, zero-width characters dropped), so disguised terms still match.
  return sql`strpos(${normalizeForMatching(body)}, lower(${blockedTerms.term})) > 0`;
}

/** The first blocklist term a comment's text contains (null when none), as a column of a larger query. */
function blockedTermIn(body: string): SQL<string | null> {
  return sql<string | null>`(select ${blockedTerms.term} from ${blockedTerms} where ${termIn(body)} limit 1)`;
}

/**
 * Why a comment is held, as the moderators' queue says it, given its rendered
 * HTML and the blocked term its text names. Links are counted on what renders,
 * so four reference-style links to one definition are four.
 */
function holdFor(bodyHtml: string, blockedTerm: string | null): string | null {
  if (countLinks(bodyHtml) >= 3) return "it has three or more links";
  return blockedTerm === null ? null : `it contains the blocked term “${blockedTerm}”`;
}

/** Why a comment is held for a moderator, or null when it may show at once. */
async function holdReason(db: Database, body: string, bodyHtml: string): Promise<string | null> {
  if (countLinks(bodyHtml) >= 3) return holdFor(bodyHtml, null);
  const [hit] = await db.select({ term: blockedTerms.term }).from(blockedTerms).where(termIn(body)).limit(1);
  return holdFor(bodyHtml, hit?.term ?? null);
}

/**
 * Whether `authorId` posted exactly `body` under the review in the last ten
 * minutes, as a column of the post's context query. It reads the author's
 * recent comments through comments_author_idx (author, created_at): a few rows
 * at most, since the posting limits allow only so many.
 */
function postedJustNow(authorId: string, body: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${comments} as recent
    where recent.author_id = ${authorId} and recent.created_at > now() - interval '10 minutes'
      and recent.review_id = ${reviews.id} and recent.body = ${body})`;
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

  // Everything the rules need, in one round trip: the review, the comment answered, the account that
  // signs, whether the text names a blocked term and whether the member just posted the same text.
  // A post is a few statements, not a dozen.
  const parent = alias(comments, "parent");
  const signing = db
    .select({ provider: accounts.provider, providerAccountId: accounts.providerAccountId })
    .from(accounts)
    .where(eq(accounts.userId, actor.id))
    .orderBy(...signingOrder)
    .limit(1)
    .as("signing");
  const [context] = await db
    .select({
      status: reviews.status,
      reviewAuthorId: reviews.authorId,
      parent: {
        id: parent.id,
        parentId: parent.parentId,
        depth: parent.depth,
        threadRootId: parent.threadRootId,
        authorId: parent.authorId,
        createdAt: parent.createdAt,
        deletedAt: parent.deletedAt,
        removedAt: parent.removedAt,
        heldAt: parent.heldAt,
      },
      account: { provider: signing.provider, providerAccountId: signing.providerAccountId },
      blockedTerm: blockedTermIn(body),
      duplicate: postedJustNow(actor.id, body),
    })
    .from(reviews)
    .leftJoin(
      parent,
      parentId === undefined ? sql`false` : and(eq(parent.id, parentId), eq(parent.reviewId, reviews.id)),
    )
    .leftJoinLateral(signing, sql`true`)
    .where(eq(reviews.id, reviewId))
    .limit(1);
  if (!context || context.status !== "published") return fail("not_found", "This review is not open for comments.");

  let placement: { parentId: number | null; depth: number; threadRootId: number | null; answeredId: number | null } = {
    parentId: null,
    depth: 0,
    threadRootId: null,
    answeredId: null,
  };
  if (parentId !== undefined) {
    const answered = context.parent;
    if (!answered) {
      return fail("not_found", "The comment you are replying to does not exist.", { parentId: ["Not found."] });
    }
    const refused = refuseReplyTo({
      authorId: answered.authorId,
      createdAt: answered.createdAt,
      state: commentStateOf(answered),
    });
    if (refused) return refused;
    placement = placeReply(answered);
  }

  const account = context.account;
  if (!account) return fail("forbidden", "Link a sign-in account to your profile before commenting.");
  // A double submit, or the same text pasted again: refused before it costs the member any allowance.
  if (context.duplicate) return fail("conflict", DUPLICATE_MESSAGE, { body: [DUPLICATE_MESSAGE] });

  const exempt = skipsPostingLimits(actor);
  if (!exempt) {
    const allowance = await consumeCommentAllowance(db, actor.id);
    if (!allowance.ok) return allowance;
  }
  const stored = renderStored(body);
  const held = exempt ? null : holdFor(stored.bodyHtml, context.blockedTerm);

  // The comment and the notice it causes commit together (lib/notifications/write.ts): a reader is never
  // told about a comment that failed to save, nor misses one that did. A held comment tells nobody yet.
  const commentId = await db.transaction(async (tx) => {
    // One statement: a new thread's root is the comment itself, filled in by the database (migration 0007).
    const [row] = await tx
      .insert(comments)
      .values({
        reviewId,
        authorId: actor.id,
        parentId: placement.parentId,
        threadRootId: placement.threadRootId,
        depth: placement.depth,
        answeredId: placement.answeredId,
        body,
        ...stored,
        signedWithProvider: account.provider,
        signedWithAccountId: account.providerAccountId,
        heldAt: held ? new Date() : null,
        heldReason: held,
      })
      .returning({ id: comments.id });
    if (!row) throw new Error("The comment insert returned no row.");
    if (held) return row.id;
    if (parentId !== undefined && context.parent) {
      await notifyReply(tx, {
        actor,
        parentAuthorId: context.parent.authorId,
        reviewId,
        commentId: row.id,
        threadRootId: placement.threadRootId ?? context.parent.id,
        body,
      });
    } else {
      await notifyReviewComment(tx, {
        actorId: actor.id,
        reviewAuthorId: context.reviewAuthorId,
        reviewId,
        commentId: row.id,
      });
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
  const exempt = skipsPostingLimits(actor);
  if (!exempt) {
    const allowance = await consumeMemberAllowance(db, actor.id, "comment-edit");
    if (!allowance.ok) return allowance;
  }
  const stored = renderStored(parsed.data.body);
  const held = exempt ? null : await holdReason(db, parsed.data.body, stored.bodyHtml);
  await db
    .update(comments)
    .set({ body: parsed.data.body, ...stored, editedAt: now, ...(held ? { heldAt: now, heldReason: held } : {}) })
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
  const allowance = await consumeMemberAllowance(db, actor.id, "report");
  if (!allowance.ok) return allowance;
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
