import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { commentReports, comments, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { notifyApprovedComment, notifyModeration } from "@/lib/notifications/write";
import { authorize, type Moderator } from "@/lib/policy";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { recordModerationAction, type ModerationAction } from "./log";
import { houseRule } from "./rules";
import {
  approveCommentSchema,
  dismissReportsSchema,
  hideReviewSchema,
  removeCommentSchema,
  restoreCommentSchema,
  restoreReviewSchema,
} from "./schema";

type LogEntry = Omit<ModerationAction, "actorId" | "actorLabel">;
type Step<I, T> = (
  tx: Transaction,
  input: I,
  moderator: Moderator,
  log: (entry: LogEntry) => Promise<void>,
) => Promise<Result<T>>;

/** The rule's title as a member is told it in a notice. */
function ruleTitle(key: string): string {
  return houseRule(key)?.title ?? key;
}

/**
 * Runs one moderation step: refuses anyone but an unsuspended moderator or
 * admin, parses the input (the reason too), and runs the change and its log
 * row in one transaction.
 */
async function moderate<S extends z.ZodType, T>(
  actor: CurrentUser,
  schema: S,
  input: z.input<S>,
  step: Step<z.output<S>, T>,
): Promise<Result<T>> {
  const moderator = authorize(actor, "moderator");
  if (!moderator.ok) return moderator;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  const db = await getDb();
  return db.transaction((tx) =>
    step(tx, data, moderator.value, async (entry) => {
      await recordModerationAction(tx, {
        ...entry,
        actorId: moderator.value.id,
        actorLabel: `@${moderator.value.handle}`,
      });
    }),
  );
}

type Changed<T = object> = T & { changed: Tag[] };

/**
 * Removes a comment with a reason: the thread shows "Removed by a moderator:
 * reason"; the text is kept so it can be restored. Resolves its open reports.
 */
export function removeComment(actor: CurrentUser, input: z.input<typeof removeCommentSchema>) {
  return moderate(actor, removeCommentSchema, input, async (tx, { commentId, rule, reason }, moderator, log) => {
    const [comment] = await tx
      .update(comments)
      .set({
        removedAt: new Date(),
        removedById: moderator.id,
        removalReason: reason,
        removalRule: rule,
        heldAt: null,
        heldReason: null,
      })
      .where(and(eq(comments.id, commentId), isNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId, authorId: comments.authorId });
    if (!comment) return fail("conflict", "That comment is already removed or no longer exists.");
    await notifyModeration(tx, {
      moderatorId: moderator.id,
      memberId: comment.authorId,
      reviewId: comment.reviewId,
      commentId,
      reason: `A moderator removed your comment under the house rule “${ruleTitle(rule)}”. Reason: ${reason}`,
    });
    const resolved = await tx
      .update(commentReports)
      .set({ resolvedAt: new Date(), resolvedById: moderator.id, resolution: "removed" })
      .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
      .returning({ id: commentReports.id });
    await log({
      action: "comment.remove",
      targetType: "comment",
      targetId: String(commentId),
      reason,
      rule,
      details: { reviewId: comment.reviewId, reportsResolved: resolved.length },
    });
    return ok<Changed<{ reviewId: number }>>({
      reviewId: comment.reviewId,
      changed: [tags.review(comment.reviewId), tags.moderation, tags.moderationRecord],
    });
  });
}

/** Puts a removed comment back as it was. */
export function restoreComment(actor: CurrentUser, input: z.input<typeof restoreCommentSchema>) {
  return moderate(actor, restoreCommentSchema, input, async (tx, { commentId, reason }, moderator, log) => {
    const [comment] = await tx
      .update(comments)
      .set({ removedAt: null, removedById: null, removalReason: null, removalRule: null })
      .where(and(eq(comments.id, commentId), isNotNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId, authorId: comments.authorId });
    if (!comment) return fail("conflict", "That comment is not removed.");
    await notifyModeration(tx, {
      moderatorId: moderator.id,
      memberId: comment.authorId,
      reviewId: comment.reviewId,
      commentId,
      reason: withReason("A moderator restored your comment.", reason),
    });
    await log({
      action: "comment.restore",
      targetType: "comment",
      targetId: String(commentId),
      reason,
      details: { reviewId: comment.reviewId },
    });
    return ok<Changed<{ reviewId: number }>>({
      reviewId: comment.reviewId,
      changed: [tags.review(comment.reviewId), tags.moderation, tags.moderationRecord],
    });
  });
}

/** Lets a comment held for moderation (links, blocked terms) show. */
export function approveComment(actor: CurrentUser, input: z.input<typeof approveCommentSchema>) {
  return moderate(actor, approveCommentSchema, input, async (tx, { commentId }, _moderator, log) => {
    const [comment] = await tx
      .update(comments)
      .set({ heldAt: null, heldReason: null })
      .where(and(eq(comments.id, commentId), isNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId });
    if (!comment) return fail("conflict", "That comment was removed or no longer exists.");
    await notifyApprovedComment(tx, commentId);
    await log({
      action: "comment.approve",
      targetType: "comment",
      targetId: String(commentId),
      details: { reviewId: comment.reviewId },
    });
    return ok<Changed<{ reviewId: number }>>({
      reviewId: comment.reviewId,
      changed: [tags.review(comment.reviewId), tags.moderation, tags.reviews],
    });
  });
}

/** Closes a comment's open reports without removing it. */
export function dismissReports(actor: CurrentUser, input: z.input<typeof dismissReportsSchema>) {
  return moderate(actor, dismissReportsSchema, input, async (tx, { commentId, reason }, moderator, log) => {
    const dismissed = await tx
      .update(commentReports)
      .set({ resolvedAt: new Date(), resolvedById: moderator.id, resolution: "dismissed" })
      .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
      .returning({ id: commentReports.id });
    if (dismissed.length === 0) return fail("conflict", "This comment has no open reports.");
    await log({
      action: "reports.dismiss",
      targetType: "comment",
      targetId: String(commentId),
      reason,
      details: { reports: dismissed.length },
    });
    return ok<Changed<{ dismissed: number }>>({ dismissed: dismissed.length, changed: [tags.moderation] });
  });
}

/** Hides a published review from everyone but its author and moderators, with a reason. */
export function hideReview(actor: CurrentUser, input: z.input<typeof hideReviewSchema>) {
  return moderate(actor, hideReviewSchema, input, async (tx, { reviewId, rule, reason }, moderator, log) => {
    const [review] = await tx
      .update(reviews)
      .set({ status: "hidden", hiddenAt: new Date(), hiddenById: moderator.id, hiddenReason: reason, hiddenRule: rule })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "published")))
      .returning({ filmId: reviews.filmId, authorId: reviews.authorId });
    if (!review) return fail("conflict", "Only a published review can be hidden.");
    await notifyModeration(tx, {
      moderatorId: moderator.id,
      memberId: review.authorId,
      reviewId,
      reason: `A moderator hid your review under the house rule “${ruleTitle(rule)}”. Reason: ${reason}`,
    });
    await log({ action: "review.hide", targetType: "review", targetId: String(reviewId), reason, rule });
    return ok<Changed<{ filmId: number }>>({ filmId: review.filmId, changed: reviewChanges(reviewId, review) });
  });
}

/** Publishes a hidden review again. */
export function restoreReview(actor: CurrentUser, input: z.input<typeof restoreReviewSchema>) {
  return moderate(actor, restoreReviewSchema, input, async (tx, { reviewId, reason }, moderator, log) => {
    const [review] = await tx
      .update(reviews)
      .set({ status: "published", hiddenAt: null, hiddenById: null, hiddenReason: null, hiddenRule: null })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "hidden")))
      .returning({ filmId: reviews.filmId, authorId: reviews.authorId });
    if (!review) return fail("conflict", "That review is not hidden.");
    await notifyModeration(tx, {
      moderatorId: moderator.id,
      memberId: review.authorId,
      reviewId,
      reason: withReason("A moderator restored your review.", reason),
    });
    await log({ action: "review.restore", targetType: "review", targetId: String(reviewId), reason });
    return ok<Changed<{ filmId: number }>>({ filmId: review.filmId, changed: reviewChanges(reviewId, review) });
  });
}

function reviewChanges(reviewId: number, review: { filmId: number; authorId: string }): Tag[] {
  return [
    tags.review(reviewId),
    tags.film(review.filmId),
    tags.member(review.authorId),
    tags.reviews,
    tags.moderation,
    tags.moderationRecord,
  ];
}

/** A notice's sentence, with the moderator's reason when they gave one. */
function withReason(what: string, reason: string | null | undefined): string {
  return reason ? `${what} Reason: ${reason}` : what;
}
