import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { commentReports, comments, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/roles";
import { moderationReasonSchema } from "@/lib/comments/schema";
import { recordModerationAction } from "./log";

export type ModerationOutcome<T = object> = ({ ok: true } & T) | { ok: false; message: string; fieldErrors?: { reason?: string[] } };

const NOT_A_MODERATOR = "Only moderators can do that.";

function refuse(actor: CurrentUser | null): { ok: false; message: string } | null {
  if (!actor) return { ok: false, message: "Sign in as a moderator to do that." };
  if (!hasRole(actor.role, "moderator") || actor.suspended) return { ok: false, message: NOT_A_MODERATOR };
  return null;
}

function parseReason(reason: unknown): { ok: true; reason: string } | { ok: false; message: string; fieldErrors: { reason: string[] } } {
  const parsed = moderationReasonSchema.safeParse(reason);
  if (parsed.success) return { ok: true, reason: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "Give a reason.";
  return { ok: false, message, fieldErrors: { reason: [message] } };
}

const label = (actor: CurrentUser) => `@${actor.handle}`;

/**
 * Removes a comment with a reason: the thread shows "Removed by a moderator:
 * reason"; the text is kept so it can be restored. Resolves its open reports.
 */
export async function removeComment(
  actor: CurrentUser | null,
  commentId: number,
  reasonInput: unknown,
): Promise<ModerationOutcome<{ reviewId: number }>> {
  const refused = refuse(actor);
  if (refused) return refused;
  const reason = parseReason(reasonInput);
  if (!reason.ok) return reason;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [comment] = await tx
      .update(comments)
      .set({ removedAt: new Date(), removedById: actor!.id, removalReason: reason.reason, heldAt: null })
      .where(and(eq(comments.id, commentId), isNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId });
    if (!comment) return { ok: false as const, message: "That comment is already removed or no longer exists." };
    const resolved = await tx
      .update(commentReports)
      .set({ resolvedAt: new Date(), resolvedById: actor!.id, resolution: "removed" })
      .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
      .returning({ id: commentReports.id });
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: label(actor!),
      action: "comment.remove",
      targetType: "comment",
      targetId: String(commentId),
      reason: reason.reason,
      details: { reviewId: comment.reviewId, reportsResolved: resolved.length },
    });
    return { ok: true as const, reviewId: comment.reviewId };
  });
}

/** Puts a removed comment back as it was. */
export async function restoreComment(
  actor: CurrentUser | null,
  commentId: number,
  reasonInput: unknown = "Restored after review",
): Promise<ModerationOutcome<{ reviewId: number }>> {
  const refused = refuse(actor);
  if (refused) return refused;
  const reason = parseReason(reasonInput);
  if (!reason.ok) return reason;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [comment] = await tx
      .update(comments)
      .set({ removedAt: null, removedById: null, removalReason: null })
      .where(and(eq(comments.id, commentId), isNotNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId });
    if (!comment) return { ok: false as const, message: "That comment is not removed." };
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: label(actor!),
      action: "comment.restore",
      targetType: "comment",
      targetId: String(commentId),
      reason: reason.reason,
      details: { reviewId: comment.reviewId },
    });
    return { ok: true as const, reviewId: comment.reviewId };
  });
}

/** Lets a comment held for moderation (links, blocked terms) show. */
export async function approveComment(
  actor: CurrentUser | null,
  commentId: number,
): Promise<ModerationOutcome<{ reviewId: number }>> {
  const refused = refuse(actor);
  if (refused) return refused;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [comment] = await tx
      .update(comments)
      .set({ heldAt: null })
      .where(and(eq(comments.id, commentId), isNull(comments.removedAt), isNull(comments.deletedAt)))
      .returning({ reviewId: comments.reviewId });
    if (!comment) return { ok: false as const, message: "That comment was removed or no longer exists." };
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: label(actor!),
      action: "comment.approve",
      targetType: "comment",
      targetId: String(commentId),
      details: { reviewId: comment.reviewId },
    });
    return { ok: true as const, reviewId: comment.reviewId };
  });
}

/** Closes a comment's open reports without removing it. */
export async function dismissReports(
  actor: CurrentUser | null,
  commentId: number,
  reasonInput: unknown = "No rule broken",
): Promise<ModerationOutcome<{ dismissed: number }>> {
  const refused = refuse(actor);
  if (refused) return refused;
  const reason = parseReason(reasonInput);
  if (!reason.ok) return reason;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const dismissed = await tx
      .update(commentReports)
      .set({ resolvedAt: new Date(), resolvedById: actor!.id, resolution: "dismissed" })
      .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
      .returning({ id: commentReports.id });
    if (dismissed.length === 0) return { ok: false as const, message: "This comment has no open reports." };
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: label(actor!),
      action: "reports.dismiss",
      targetType: "comment",
      targetId: String(commentId),
      reason: reason.reason,
      details: { reports: dismissed.length },
    });
    return { ok: true as const, dismissed: dismissed.length };
  });
}

/** Hides a published review from everyone but its author and moderators, with a reason. */
export async function hideReview(
  actor: CurrentUser | null,
  reviewId: number,
  reasonInput: unknown,
): Promise<ModerationOutcome<{ filmId: number }>> {
  const refused = refuse(actor);
  if (refused) return refused;
  const reason = parseReason(reasonInput);
  if (!reason.ok) return reason;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [review] = await tx
      .update(reviews)
      .set({ status: "hidden", hiddenAt: new Date(), hiddenById: actor!.id, hiddenReason: reason.reason })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "published")))
      .returning({ filmId: reviews.filmId });
    if (!review) return { ok: false as const, message: "Only a published review can be hidden." };
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: label(actor!),
      action: "review.hide",
      targetType: "review",
      targetId: String(reviewId),
      reason: reason.reason,
    });
    return { ok: true as const, filmId: review.filmId };
  });
}

/** Publishes a hidden review again. */
export async function restoreReview(
  actor: CurrentUser | null,
  reviewId: number,
  reasonInput: unknown = "Restored after review",
): Promise<ModerationOutcome<{ filmId: number }>> {
  const refused = refuse(actor);
  if (refused) return refused;
  const reason = parseReason(reasonInput);
  if (!reason.ok) return reason;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [review] = await tx
      .update(reviews)
      .set({ status: "published", hiddenAt: null, hiddenById: null, hiddenReason: null })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "hidden")))
      .returning({ filmId: reviews.filmId });
    if (!review) return { ok: false as const, message: "That review is not hidden." };
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: label(actor!),
      action: "review.restore",
      targetType: "review",
      targetId: String(reviewId),
      reason: reason.reason,
    });
    return { ok: true as const, filmId: review.filmId };
  });
}
