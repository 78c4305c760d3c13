import "server-only";
import { and, eq, exists, inArray, isNotNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { commentReports, comments, films, moderationLog, reviews, users } from "@/db/schema";
import type { DatabaseOrTransaction } from "./log";

/** A comment the moderators dealt with (or were asked to), as it stood when its review was deleted. */
export interface EvidenceComment {
  id: number;
  parentId: number | null;
  authorId: string | null;
  /** "@handle", the name an imported guest signed with, or "a former member". */
  author: string;
  body: string;
  createdAt: string;
  state: "removed" | "held" | "reported";
  removedAt: string | null;
  removedById: string | null;
  removalReason: string | null;
}

export interface EvidenceReport {
  id: number;
  commentId: number;
  reporterId: string;
  reporter: string;
  reason: string;
  note: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/**
 * What the moderation log keeps of a deleted review: the review's facts (its
 * text only when a moderator had hidden it), and every removed, held or
 * reported comment under it with its text and its reports. Dates are ISO 8601.
 */
export interface ReviewEvidence {
  review: {
    id: number;
    film: { slug: string; title: string; year: number | null };
    authorId: string;
    verdict: string;
    status: string;
    hiddenAt: string | null;
    hiddenReason: string | null;
    body: string | null;
  };
  comments: EvidenceComment[];
  reports: EvidenceReport[];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Copies the moderation record under `reviewIds` into the moderation log
 * (one `review.delete` row per review that has one), inside `tx`, before the
 * caller deletes the reviews and, with them, their comments and reports.
 * A review with nothing a moderator touched or was asked about gets no row:
 * its words and its replies go with it. Three queries, whatever the number of
 * reviews. Returns how many rows were written.
 */
export async function keepReviewEvidence(
  tx: DatabaseOrTransaction,
  reviewIds: number[],
  actor: { id: string; handle: string },
  context: { accountDeleted: boolean },
): Promise<number> {
  if (reviewIds.length === 0) return 0;
  const author = alias(users, "comment_author");
  const reported = exists(
    tx.select({ one: commentReports.id }).from(commentReports).where(eq(commentReports.commentId, comments.id)),
  );
  const [reviewRows, commentRows, reportRows] = await Promise.all([
    tx
      .select({
        id: reviews.id,
        authorId: reviews.authorId,
        verdict: reviews.verdict,
        body: reviews.body,
        status: reviews.status,
        hiddenAt: reviews.hiddenAt,
        hiddenReason: reviews.hiddenReason,
        film: { slug: films.slug, title: films.title, year: films.year },
      })
      .from(reviews)
      .innerJoin(films, eq(films.id, reviews.filmId))
      .where(inArray(reviews.id, reviewIds)),
    tx
      .select({
        id: comments.id,
        reviewId: comments.reviewId,
        parentId: comments.parentId,
        authorId: comments.authorId,
        authorHandle: author.handle,
        authorName: comments.authorName,
        body: comments.body,
        createdAt: comments.createdAt,
        heldAt: comments.heldAt,
        removedAt: comments.removedAt,
        removedById: comments.removedById,
        removalReason: comments.removalReason,
      })
      .from(comments)
      .leftJoin(author, eq(author.id, comments.authorId))
      .where(
        and(
          inArray(comments.reviewId, reviewIds),
          or(isNotNull(comments.removedAt), isNotNull(comments.heldAt), reported),
        ),
      )
      .orderBy(comments.id),
    tx
      .select({
        id: commentReports.id,
        reviewId: comments.reviewId,
        commentId: commentReports.commentId,
        reporterId: commentReports.reporterId,
        reporterHandle: users.handle,
        reason: commentReports.reason,
        note: commentReports.note,
        createdAt: commentReports.createdAt,
        resolvedAt: commentReports.resolvedAt,
        resolution: commentReports.resolution,
      })
      .from(commentReports)
      .innerJoin(comments, eq(comments.id, commentReports.commentId))
      .innerJoin(users, eq(users.id, commentReports.reporterId))
      .where(inArray(comments.reviewId, reviewIds))
      .orderBy(commentReports.id),
  ]);

  const entries = reviewRows.flatMap((review) => {
    const kept = commentRows.filter((c) => c.reviewId === review.id);
    if (kept.length === 0 && review.status !== "hidden") return [];
    const evidence: ReviewEvidence = {
      review: {
        id: review.id,
        film: review.film,
        authorId: review.authorId,
        verdict: review.verdict,
        status: review.status,
        hiddenAt: iso(review.hiddenAt),
        hiddenReason: review.hiddenReason,
        body: review.status === "hidden" ? review.body : null,
      },
      comments: kept.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        authorId: c.authorId,
        author: c.authorHandle ? `@${c.authorHandle}` : (c.authorName ?? "a former member"),
        body: c.body,
        createdAt: c.createdAt.toISOString(),
        state: c.removedAt ? "removed" : c.heldAt ? "held" : "reported",
        removedAt: iso(c.removedAt),
        removedById: c.removedById,
        removalReason: c.removalReason,
      })),
      reports: reportRows
        .filter((r) => r.reviewId === review.id)
        .map((r) => ({
          id: r.id,
          commentId: r.commentId,
          reporterId: r.reporterId,
          reporter: `@${r.reporterHandle}`,
          reason: r.reason,
          note: r.note,
          createdAt: r.createdAt.toISOString(),
          resolvedAt: iso(r.resolvedAt),
          resolution: r.resolution,
        })),
    };
    return [
      {
        actorId: actor.id,
        actorLabel: `@${actor.handle}`,
        action: "review.delete",
        targetType: "review",
        targetId: String(review.id),
        reason: context.accountDeleted ? "The author deleted their account." : "The author deleted the review.",
        details: { filmSlug: review.film.slug, accountDeleted: context.accountDeleted, evidence },
      },
    ];
  });
  if (entries.length > 0) await tx.insert(moderationLog).values(entries);
  return entries.length;
}
