import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, ratings, reviewLikes, reviews, users } from "@/db/schema";
import type { ReviewStatus } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { renderStored } from "@/lib/markdown";
import { postingRefusal } from "@/lib/members/posting";
import { consumeWriteAllowance } from "@/lib/rate-limit";
import type { ReviewFormOutput } from "./schema";

type Refused = { ok: false; reason: "refused" | "not-found" | "forbidden"; message: string };

export type SaveReviewResult =
  | { ok: true; reviewId: number; status: ReviewStatus; created: boolean; filmSlug: string; message: string }
  | Refused;

function savedMessage(status: ReviewStatus, intent: ReviewFormOutput["intent"], created: boolean): string {
  if (status === "hidden") {
    return "Your changes are saved. A moderator has hidden this review, so it stays hidden from other readers.";
  }
  if (status === "draft") return created ? "Draft saved. Only you can see it." : "Draft saved. Only you can see it until you publish.";
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
export async function saveReview(
  actor: CurrentUser | null,
  filmSlug: string,
  input: ReviewFormOutput,
): Promise<SaveReviewResult> {
  const refusal = postingRefusal(actor);
  if (refusal || !actor) return { ok: false, reason: "refused", message: refusal ?? "" };
  const allowance = await consumeWriteAllowance(await getDb(), actor.id, "review");
  if (!allowance.ok) return { ok: false, reason: "refused", message: allowance.message };
  const db = await getDb();
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.slug, filmSlug)).limit(1);
  if (!film) return { ok: false, reason: "not-found", message: "That film is not in the catalogue." };
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
          bodyHtml: sql`excluded.body_html`, bodyHtmlVersion: sql`excluded.body_html_version`,
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
    return row!;
  });
  return {
    ok: true,
    reviewId: saved.id,
    status: saved.status,
    created: saved.created,
    filmSlug,
    message: savedMessage(saved.status, input.intent, saved.created),
  };
}

export type DeleteReviewResult =
  | { ok: true; filmSlug: string; authorHandle: string; message: string }
  | Refused;

/**
 * Deletes review `reviewId` if `actor` wrote it. The rating stays: it is
 * the member's rating of the film, which a review only displays.
 */
export async function deleteReview(actor: CurrentUser | null, reviewId: number): Promise<DeleteReviewResult> {
  const refusal = postingRefusal(actor);
  if (refusal || !actor) return { ok: false, reason: "refused", message: refusal ?? "" };
  const db = await getDb();
  const [deleted] = await db
    .delete(reviews)
    .where(and(eq(reviews.id, reviewId), eq(reviews.authorId, actor.id)))
    .returning({ filmId: reviews.filmId });
  if (!deleted) {
    return { ok: false, reason: "not-found", message: "There is no review of yours to delete here." };
  }
  const [film] = await db.select({ slug: films.slug }).from(films).where(eq(films.id, deleted.filmId));
  return {
    ok: true,
    filmSlug: film?.slug ?? "",
    authorHandle: actor.handle,
    message: "Your review is deleted. Your rating of the film is kept.",
  };
}

export type LikeResult =
  | { ok: true; liked: boolean; likeCount: number; filmSlug: string; authorHandle: string; message: string }
  | Refused;

/**
 * Sets whether `actor` likes review `reviewId`. Saying the wanted state
 * (rather than "toggle") makes a repeated submit harmless. Members cannot
 * like their own review, nor one that is not published.
 */
export async function setReviewLike(actor: CurrentUser | null, reviewId: number, like: boolean): Promise<LikeResult> {
  const refusal = postingRefusal(actor);
  if (refusal || !actor) return { ok: false, reason: "refused", message: refusal ?? "" };
  const allowance = await consumeWriteAllowance(await getDb(), actor.id, "like");
  if (!allowance.ok) return { ok: false, reason: "refused", message: allowance.message };
  const db = await getDb();
  const [review] = await db
    .select({ authorId: reviews.authorId, status: reviews.status, filmId: reviews.filmId })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .limit(1);
  if (!review || review.status !== "published") {
    return { ok: false, reason: "not-found", message: "That review is not published, so it cannot be liked." };
  }
  if (review.authorId === actor.id) {
    return { ok: false, reason: "forbidden", message: "You cannot like your own review." };
  }
  if (like) {
    await db.insert(reviewLikes).values({ reviewId, userId: actor.id }).onConflictDoNothing();
  } else {
    await db.delete(reviewLikes).where(and(eq(reviewLikes.reviewId, reviewId), eq(reviewLikes.userId, actor.id)));
  }
  const [after] = await db
    .select({
      likeCount: reviews.likeCount,
      filmSlug: films.slug,
      authorHandle: users.handle,
    })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .innerJoin(users, eq(users.id, reviews.authorId))
    .where(eq(reviews.id, reviewId));
  return {
    ok: true,
    liked: like,
    likeCount: after?.likeCount ?? 0,
    filmSlug: after?.filmSlug ?? "",
    authorHandle: after?.authorHandle ?? "",
    message: like ? "You like this review." : "You no longer like this review.",
  };
}
