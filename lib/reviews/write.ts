import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, ratings, reviewLikes, reviews } from "@/db/schema";
import type { ReviewStatus } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { keepReviewEvidence } from "@/lib/moderation/evidence";
import { notifyReviewLike } from "@/lib/notifications/write";
import { authorize, refuseReviewLike } from "@/lib/policy";
import { renderStored } from "@/lib/markdown";
import { consumeWriteAllowance } from "@/lib/rate-limit";
import { fail, invalid, ok, type Result } from "@/lib/result";
import {
  deleteReviewSchema,
  likeReviewSchema,
  saveReviewSchema,
  type DeleteReviewInput,
  type LikeReviewInput,
  type ReviewFormOutput,
  type SaveReviewInput,
} from "./schema";

export interface SavedReview {
  reviewId: number;
  status: ReviewStatus;
  created: boolean;
  filmSlug: string;
  intent: ReviewFormOutput["intent"];
  message: string;
  changed: Tag[];
}

/** Everything a review's words or status show on: its page, its film, its author, the site's lists. */
function reviewChanges(review: { id: number; filmId: number; authorId: string }): Tag[] {
  return [tags.review(review.id), tags.film(review.filmId), tags.member(review.authorId), tags.reviews, tags.catalogue];
}

function savedMessage(status: ReviewStatus, intent: ReviewFormOutput["intent"], created: boolean): string {
  if (status === "hidden") {
    return "Your changes are saved. A moderator has hidden this review, so it stays hidden from other readers.";
  }
  if (status === "draft")
    return created ? "Draft saved. Only you can see it." : "Draft saved. Only you can see it until you publish.";
  return created || intent === "publish" ? "Your review is published." : "Your review is updated.";
}

/**
 * Saves `actor`'s review of the film at `filmSlug`: creates it, or updates
 * the one they already have (one review per member per film, even when two
 * saves race, because both are one upsert on that unique pair). A rating in
 * the input replaces the author's rating of the film in the same transaction.
 * Editing a published review marks it edited; a hidden review stays hidden.
 * The author is always `actor`: nothing in `input` names one.
 */
export async function saveReview(actor: CurrentUser, raw: SaveReviewInput): Promise<Result<SavedReview>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = saveReviewSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "The review is not saved yet: please fix the fields marked below.");
  const { film: filmSlug, ...input } = parsed.data;
  const db = await getDb();
  const allowance = await consumeWriteAllowance(db, actor.id, "review");
  if (!allowance.ok) return allowance;
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.slug, filmSlug)).limit(1);
  if (!film) return fail("not_found", "That film is not in the catalogue.");
  const publish = input.intent === "publish";
  const stored = renderStored(input.body); // Before the transaction: rendering a long body takes a while.
  const saved = await db.transaction(async (tx) => {
    if (input.halfStars !== undefined) {
      await tx
        .insert(ratings)
        .values({ userId: actor.id, filmId: film.id, halfStars: input.halfStars })
        .onConflictDoUpdate({
          target: [ratings.userId, ratings.filmId],
          set: { halfStars: sql`excluded.half_stars`, ratedAt: sql`now()` },
        });
    }
    const [row] = await tx
      .insert(reviews)
      .values({
        filmId: film.id,
        authorId: actor.id,
        verdict: input.verdict,
        body: input.body,
        ...stored,
        containsSpoilers: input.containsSpoilers,
        status: publish ? "published" : "draft",
        publishedAt: publish ? sql`now()` : null,
      })
      .onConflictDoUpdate({
        target: [reviews.filmId, reviews.authorId],
        set: {
          verdict: sql`excluded.verdict`,
          body: sql`excluded.body`,
          bodyHtml: sql`excluded.body_html`,
          bodyHtmlVersion: sql`excluded.body_html_version`,
          containsSpoilers: sql`excluded.contains_spoilers`,
          status: sql`case when ${reviews.status} = 'hidden' then ${reviews.status} else excluded.status end`,
          publishedAt: sql`coalesce(${reviews.publishedAt}, excluded.published_at)`,
          // Marked edited only when a review readers could see changes its words.
          editedAt: sql`case when ${reviews.status} <> 'draft'
            and (${reviews.body}, ${reviews.verdict}, ${reviews.containsSpoilers})
              is distinct from (excluded.body, excluded.verdict, excluded.contains_spoilers)
            then now() else ${reviews.editedAt} end`,
        },
      })
      // xmax is 0 on a row this statement inserted, and set on one it updated.
      .returning({ id: reviews.id, status: reviews.status, created: sql<boolean>`(xmax = 0)` });
    if (!row) throw new Error("The review upsert returned no row.");
    return row;
  });
  return ok({
    reviewId: saved.id,
    status: saved.status,
    created: saved.created,
    filmSlug,
    intent: input.intent,
    message: savedMessage(saved.status, input.intent, saved.created),
    changed: reviewChanges({ id: saved.id, filmId: film.id, authorId: actor.id }),
  });
}

/**
 * Deletes review `reviewId` if `actor` wrote it, with its likes, comments and
 * reports. What moderators dealt with under it (removed, held or reported
 * comments with their text and reports, and the review itself if it was
 * hidden) is first copied into the moderation log, which nothing can change,
 * so the record outlives the review. The rating stays: it is the member's
 * rating of the film, which a review only displays.
 */
export async function deleteReview(
  actor: CurrentUser,
  input: DeleteReviewInput,
): Promise<Result<{ filmSlug: string; changed: Tag[] }>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = deleteReviewSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { reviewId } = parsed.data;
  const db = await getDb();
  const deleted = await db.transaction(async (tx) => {
    // Locked first: a comment posted meanwhile waits for the deletion, then finds no review to answer.
    const [mine] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.id, reviewId), eq(reviews.authorId, actor.id)))
      .for("update");
    if (!mine) return null;
    const kept = await keepReviewEvidence(tx, [reviewId], actor, { accountDeleted: false });
    const [row] = await tx.delete(reviews).where(eq(reviews.id, reviewId)).returning({ filmId: reviews.filmId });
    return row ? { ...row, kept } : null;
  });
  if (!deleted) return fail("not_found", "There is no review of yours to delete here.");
  const [film] = await db.select({ slug: films.slug }).from(films).where(eq(films.id, deleted.filmId));
  return ok({
    filmSlug: film?.slug ?? "",
    changed: [
      ...reviewChanges({ id: reviewId, filmId: deleted.filmId, authorId: actor.id }),
      ...(deleted.kept > 0 ? [tags.moderation] : []),
    ],
  });
}

export interface LikeChange {
  liked: boolean;
  likeCount: number;
  message: string;
  changed: Tag[];
}

/**
 * Sets whether `actor` likes review `reviewId`. Saying the wanted state
 * (rather than "toggle") makes a repeated submit harmless. Members cannot
 * like their own review, nor one that is not published.
 */
export async function setReviewLike(actor: CurrentUser, input: LikeReviewInput): Promise<Result<LikeChange>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = likeReviewSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const reviewId = parsed.data.reviewId;
  const like = parsed.data.like === "1";
  const db = await getDb();
  const allowance = await consumeWriteAllowance(db, actor.id, "like");
  if (!allowance.ok) return allowance;
  const [review] = await db
    .select({ authorId: reviews.authorId, status: reviews.status, filmId: reviews.filmId })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .limit(1);
  const refused = refuseReviewLike(actor, review ?? null);
  if (refused || !review) return refused ?? fail("not_found", "That review is not published, so it cannot be liked.");
  if (like) {
    // The like and its notice commit together; unliking keeps the notice, and liking again adds none.
    await db.transaction(async (tx) => {
      const added = await tx
        .insert(reviewLikes)
        .values({ reviewId, userId: actor.id })
        .onConflictDoNothing()
        .returning({ userId: reviewLikes.userId });
      if (added.length > 0) {
        await notifyReviewLike(tx, { actorId: actor.id, reviewAuthorId: review.authorId, reviewId });
      }
    });
  } else {
    await db.delete(reviewLikes).where(and(eq(reviewLikes.reviewId, reviewId), eq(reviewLikes.userId, actor.id)));
  }
  const [after] = await db.select({ likeCount: reviews.likeCount }).from(reviews).where(eq(reviews.id, reviewId));
  return ok({
    liked: like,
    likeCount: after?.likeCount ?? 0,
    message: like ? "You like this review." : "You no longer like this review.",
    changed: [tags.review(reviewId), tags.film(review.filmId), tags.member(review.authorId)],
  });
}
