import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { commentReports, comments, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/roles";
import { moderationReasonSchema } from "@/lib/comments/schema";
import { recordModerationAction, type ModerationAction } from "./log";

export type ModerationOutcome<T = object> = ({ ok: true } & T) | { ok: false; message: string; fieldErrors?: { reason?: string[] } };

type Step<T> = (
  tx: Transaction,
  log: (entry: Omit<ModerationAction, "actorId" | "actorLabel">) => Promise<void>,
  moderator: CurrentUser,
  reason: string | null,
) => Promise<ModerationOutcome<T>>;

/**
 * Runs one moderation step: refuses anyone but an unsuspended moderator or
 * admin, checks the reason when the step needs one, and runs the change and
 * its log row in one transaction.
 */
async function moderate<T>(actor: CurrentUser | null, reasonInput: unknown, needsReason: boolean, step: Step<T>): Promise<ModerationOutcome<T>> {
  if (!actor) return { ok: false, message: "Sign in as a moderator to do that." };
  if (!hasRole(actor.role, "moderator") || actor.suspended) return { ok: false, message: "Only moderators can do that." };
  let reason: string | null = null;
  if (needsReason) {
    const parsed = moderationReasonSchema.safeParse(reasonInput);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Give a reason.";
      return { ok: false, message, fieldErrors: { reason: [message] } };
    }
    reason = parsed.data;
  }
  const db = await getDb();
  return db.transaction((tx) =>
    step(
      tx,
      async (entry) => {
        await recordModerationAction(tx, { ...entry, actorId: actor.id, actorLabel: `@${actor.handle}`, reason: entry.reason ?? reason });
      },
      actor,
      reason,
    ),
  );
}

/**
 * Removes a comment with a reason: the thread shows "Removed by a moderator:
 * reason"; the text is kept so it can be restored. Resolves its open reports.
 */
export function removeComment(actor: CurrentUser | null, commentId: number, reasonInput: unknown) {
  return moderate<{ reviewId: number }>(actor, reasonInput, true, async (tx, log, moderator, reason) => {
    const [comment] = await tx
      .update(comments)
      .set({ removedAt: new Date(), removedById: moderator.id, removalReason: reason, heldAt: null })
      .where(and(eq(comments.id, commentId), isNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId });
    if (!comment) return { ok: false, message: "That comment is already removed or no longer exists." };
    const resolved = await tx
      .update(commentReports)
      .set({ resolvedAt: new Date(), resolvedById: moderator.id, resolution: "removed" })
      .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
      .returning({ id: commentReports.id });
    await log({
      action: "comment.remove",
      targetType: "comment",
      targetId: String(commentId),
      details: { reviewId: comment.reviewId, reportsResolved: resolved.length },
    });
    return { ok: true, reviewId: comment.reviewId };
  });
}

/** Puts a removed comment back as it was. */
export function restoreComment(actor: CurrentUser | null, commentId: number, reasonInput: unknown = "Restored after review") {
  return moderate<{ reviewId: number }>(actor, reasonInput, true, async (tx, log) => {
    const [comment] = await tx
      .update(comments)
      .set({ removedAt: null, removedById: null, removalReason: null })
      .where(and(eq(comments.id, commentId), isNotNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId });
    if (!comment) return { ok: false, message: "That comment is not removed." };
    await log({ action: "comment.restore", targetType: "comment", targetId: String(commentId), details: { reviewId: comment.reviewId } });
    return { ok: true, reviewId: comment.reviewId };
  });
}

/** Lets a comment held for moderation (links, blocked terms) show. */
export function approveComment(actor: CurrentUser | null, commentId: number) {
  return moderate<{ reviewId: number }>(actor, null, false, async (tx, log) => {
    const [comment] = await tx
      .update(comments)
      .set({ heldAt: null })
      .where(and(eq(comments.id, commentId), isNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId });
    if (!comment) return { ok: false, message: "That comment was removed or no longer exists." };
    await log({ action: "comment.approve", targetType: "comment", targetId: String(commentId), details: { reviewId: comment.reviewId } });
    return { ok: true, reviewId: comment.reviewId };
  });
}

/** Closes a comment's open reports without removing it. */
export function dismissReports(actor: CurrentUser | null, commentId: number, reasonInput: unknown = "No rule broken") {
  return moderate<{ dismissed: number }>(actor, reasonInput, true, async (tx, log, moderator) => {
    const dismissed = await tx
      .update(commentReports)
      .set({ resolvedAt: new Date(), resolvedById: moderator.id, resolution: "dismissed" })
      .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
      .returning({ id: commentReports.id });
    if (dismissed.length === 0) return { ok: false, message: "This comment has no open reports." };
    await log({ action: "reports.dismiss", targetType: "comment", targetId: String(commentId), details: { reports: dismissed.length } });
    return { ok: true, dismissed: dismissed.length };
  });
}

/** Hides a published review from everyone but its author and moderators, with a reason. */
export function hideReview(actor: CurrentUser | null, reviewId: number, reasonInput: unknown) {
  return moderate<{ filmId: number }>(actor, reasonInput, true, async (tx, log, moderator, reason) => {
    const [review] = await tx
      .update(reviews)
      .set({ status: "hidden", hiddenAt: new Date(), hiddenById: moderator.id, hiddenReason: reason })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "published")))
      .returning({ filmId: reviews.filmId });
    if (!review) return { ok: false, message: "Only a published review can be hidden." };
    await log({ action: "review.hide", targetType: "review", targetId: String(reviewId) });
    return { ok: true, filmId: review.filmId };
  });
}

/** Publishes a hidden review again. */
export function restoreReview(actor: CurrentUser | null, reviewId: number, reasonInput: unknown = "Restored after review") {
  return moderate<{ filmId: number }>(actor, reasonInput, true, async (tx, log) => {
    const [review] = await tx
      .update(reviews)
      .set({ status: "published", hiddenAt: null, hiddenById: null, hiddenReason: null })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "hidden")))
      .returning({ filmId: reviews.filmId });
    if (!review) return { ok: false, message: "That review is not hidden." };
    await log({ action: "review.restore", targetType: "review", targetId: String(reviewId) });
    return { ok: true, filmId: review.filmId };
  });
}
