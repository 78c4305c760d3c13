import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { commentReports, comments, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { deleteAccount } from "@/lib/account/delete";
import { tags } from "@/lib/cache/tags";
import { postComment, reportComment } from "@/lib/comments/write";
import { reloadEnv } from "@/lib/env";
import { hideReview, removeComment } from "@/lib/moderation/comments";
import { listModerationLog } from "@/lib/moderation/queue";
import { listFeedReviews, listFilmReviews, listLatestReviews, listMemberReviews } from "@/lib/reviews/queries";
import { saveReview } from "@/lib/reviews/write";
import { deleteReviewAction } from "@/app/films/[slug]/review/actions";
import { loadSharedReview } from "@/app/reviews/[id]/_components/load";
import { addFilm, addMember, form } from "../support/community";
import { useTestDatabase } from "../support/database";
import { invalidatedTags, Redirected, signInAs } from "../support/session";

const t = useTestDatabase();

let moderator: CurrentUser;
let reporter: CurrentUser;
let commenter: CurrentUser;

beforeAll(async () => {
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
  reloadEnv();
  moderator = await addMember(t.db, { role: "moderator" });
  reporter = await addMember(t.db);
  commenter = await addMember(t.db);
});

/** A published review by a new member, with a removed (and reported) comment and an ordinary reply. */
async function reviewWithModeratedThread(title: string) {
  const author = await addMember(t.db);
  const film = await addFilm(t.db, title);
  const saved = await saveReview(author, {
    film: film.slug,
    intent: "publish",
    verdict: "Worth the evening.",
    body: "The long review.",
    halfStars: "6",
    containsSpoilers: "",
  });
  if (!saved.ok) throw new Error(saved.message);
  const reviewId = saved.value.reviewId;
  const abusive = await postComment(commenter, { reviewId, body: "You are an idiot for liking this." });
  const ordinary = await postComment(reporter, { reviewId, body: "I liked it too." });
  if (!abusive.ok || !ordinary.ok) throw new Error("could not post");
  const abusiveId = abusive.value.commentId;
  expect(await reportComment(reporter, { commentId: abusiveId, reason: "abuse", note: "Name-calling." })).toMatchObject(
    { ok: true },
  );
  expect(
    await removeComment(moderator, { commentId: abusiveId, rule: "personal-attack", reason: "Personal attack." }),
  ).toMatchObject({
    ok: true,
  });
  return { author, film, reviewId, abusiveId, ordinaryId: ordinary.value.commentId };
}

async function evidenceFor(reviewId: number) {
  const log = await listModerationLog({ targetType: "review", targetId: String(reviewId), page: 1 });
  return log.items.find((entry) => entry.action === "review.delete") ?? null;
}

describe("deleting a review keeps its moderation record", () => {
  it("lets a moderator still read the removed comment, its report and the log, while readers get a 404", async () => {
    const { author, film, reviewId, abusiveId, ordinaryId } = await reviewWithModeratedThread("Evidence Kept");

    signInAs(author);
    await expect(deleteReviewAction(null, form({ reviewId }))).rejects.toEqual(new Redirected(`/films/${film.slug}`));
    expect(invalidatedTags).toEqual(
      expect.arrayContaining([
        tags.review(reviewId),
        tags.film(film.id),
        tags.member(author.id),
        tags.reviews,
        tags.catalogue,
        tags.moderation,
      ]),
    );

    // The review, its comments and reports are gone from the tables...
    expect(await t.db.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, reviewId))).toEqual([]);
    expect(await t.db.select({ id: comments.id }).from(comments).where(eq(comments.reviewId, reviewId))).toEqual([]);
    expect(
      await t.db.select({ id: commentReports.id }).from(commentReports).where(eq(commentReports.commentId, abusiveId)),
    ).toEqual([]);

    // ...but the moderator reads what was removed and reported in the log, beside the earlier entries.
    signInAs(moderator);
    const entry = await evidenceFor(reviewId);
    expect(entry).toMatchObject({ actorLabel: `@${author.handle}`, reason: "The author deleted the review." });
    expect(entry!.evidence!.review).toMatchObject({ id: reviewId, verdict: "Worth the evening.", body: null });
    expect(entry!.evidence!.comments).toEqual([
      expect.objectContaining({
        id: abusiveId,
        author: `@${commenter.handle}`,
        body: "You are an idiot for liking this.",
        state: "removed",
        removalReason: "Personal attack.",
        removedById: moderator.id,
      }),
    ]);
    expect(entry!.evidence!.comments.map((c) => c.id)).not.toContain(ordinaryId);
    expect(entry!.evidence!.reports).toEqual([
      expect.objectContaining({
        commentId: abusiveId,
        reporter: `@${reporter.handle}`,
        reason: "abuse",
        note: "Name-calling.",
        resolution: "removed",
      }),
    ]);
    const removal = await listModerationLog({ targetType: "comment", targetId: String(abusiveId), page: 1 });
    expect(removal.items.map((e) => [e.action, e.reason])).toEqual([["comment.remove", "Personal attack."]]);

    // Everyone else: a 404 (the review page answers notFound() when this is null), and in no list or feed.
    signInAs(null);
    expect(await loadSharedReview(String(reviewId))).toBeNull();
    expect((await listFilmReviews(film.id, { sort: "newest", page: 1 })).total).toBe(0);
    expect((await listMemberReviews(author.id, 1)).total).toBe(0);
    expect((await listLatestReviews(1)).items.map((r) => r.id)).not.toContain(reviewId);
    expect((await listFeedReviews({ filmId: film.id })).map((r) => r.id)).not.toContain(reviewId);
  });

  it("keeps a hidden review's own text, and writes nothing for a review no moderator touched", async () => {
    const { author, reviewId } = await reviewWithModeratedThread("Hidden Then Deleted");
    expect(await hideReview(moderator, { reviewId, rule: "spam", reason: "Plagiarised." })).toMatchObject({ ok: true });
    signInAs(author);
    await expect(deleteReviewAction(null, form({ reviewId }))).rejects.toBeInstanceOf(Redirected);
    expect((await evidenceFor(reviewId))!.evidence!.review).toMatchObject({
      status: "hidden",
      hiddenReason: "Plagiarised.",
      body: "The long review.",
    });

    const quiet = await addMember(t.db);
    const film = await addFilm(t.db, "Nothing To Keep");
    const saved = await saveReview(quiet, {
      film: film.slug,
      intent: "publish",
      verdict: "Fine.",
      body: "Short.",
      halfStars: "4",
      containsSpoilers: "",
    });
    if (!saved.ok) throw new Error(saved.message);
    await postComment(commenter, { reviewId: saved.value.reviewId, body: "Agreed." });
    signInAs(quiet);
    invalidatedTags.length = 0;
    await expect(deleteReviewAction(null, form({ reviewId: saved.value.reviewId }))).rejects.toBeInstanceOf(Redirected);
    expect(await evidenceFor(saved.value.reviewId)).toBeNull();
    expect(invalidatedTags).not.toContain(tags.moderation);
  });

  it("keeps the record when the author deletes their account with their reviews", async () => {
    const { author, reviewId, abusiveId } = await reviewWithModeratedThread("Account Gone");
    const deleted = await deleteAccount(author, {
      confirmHandle: author.handle,
      reviews: "delete",
      comments: "keep",
    });
    expect(deleted).toMatchObject({ ok: true, value: { keptReviews: 0 } });
    const entry = await evidenceFor(reviewId);
    expect(entry).toMatchObject({ reason: "The author deleted their account." });
    expect(entry!.evidence!.comments.map((c) => [c.id, c.body])).toEqual([
      [abusiveId, "You are an idiot for liking this."],
    ]);
    expect(entry!.evidence!.reports).toHaveLength(1);
  });
});
