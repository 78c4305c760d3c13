import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { comments, films, ratings, reviewLikes, reviews, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { CurrentUser } from "@/lib/auth";
import { mayReadReview, SIGN_IN_TO_POST, SUSPENDED_CANNOT_POST } from "@/lib/policy";
import { getFilmHistogram } from "@/lib/ratings/queries";
import { getReview, listFeedReviews, listFilmReviews, listMemberReviews } from "@/lib/reviews/queries";
import { deleteReviewAction, saveReviewAction } from "@/app/films/[slug]/review/actions";
import { likeReviewAction } from "@/app/reviews/[id]/actions";
import { addFilm, addMember, form } from "../support/community";
import { useTestDatabase } from "../support/database";
import { Redirected, session as auth } from "../support/session";

const t = useTestDatabase();

const review = (
  fields: Partial<Record<"halfStars" | "verdict" | "body" | "containsSpoilers" | "intent", string>> = {},
) =>
  form({
    halfStars: "7",
    verdict: "Tender and strange, and better on a second watch.",
    body: "A *quiet* film about **listening**. See [the script](https://example.com/her).",
    intent: "publish",
    ...fields,
  });

/** Runs a save that publishes, and returns where it redirected. */
/** The review form as the page sends it: the film's slug in a hidden field. */
function withFilm(slug: string, data: FormData): FormData {
  data.set("film", slug);
  return data;
}

async function publish(slug: string, data = review()): Promise<string> {
  try {
    const state = await saveReviewAction(null, withFilm(slug, data));
    throw new Error(`expected a redirect, got ${JSON.stringify(state)}`);
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
}

async function reviewsOf(filmId: number) {
  return t.db
    .select({
      id: reviews.id,
      authorId: reviews.authorId,
      status: reviews.status,
      verdict: reviews.verdict,
      editedAt: reviews.editedAt,
      publishedAt: reviews.publishedAt,
      likeCount: reviews.likeCount,
    })
    .from(reviews)
    .where(eq(reviews.filmId, filmId));
}

describe("writing a review", () => {
  it("publishes, saves the rating with it, and goes to the review's page", async () => {
    const film = await addFilm(t.db, "First Review");
    auth.user = await addMember(t.db);
    const url = await publish(film.slug);
    const [saved] = await reviewsOf(film.id);
    expect(url).toBe(`/reviews/${saved!.id}`);
    expect(saved).toMatchObject({ authorId: auth.user.id, status: "published", editedAt: null });
    expect(saved!.publishedAt).toBeInstanceOf(Date);
    const [rating] = await t.db
      .select({ halfStars: ratings.halfStars })
      .from(ratings)
      .where(eq(ratings.filmId, film.id));
    expect(rating).toEqual({ halfStars: 7 });
    const detail = await getReview(saved!.id);
    expect(detail).toMatchObject({ halfStars: 7, verdict: "Tender and strange, and better on a second watch." });
  });

  it("opens the existing review on a second attempt: the save updates it and marks it edited", async () => {
    const film = await addFilm(t.db, "Second Attempt");
    auth.user = await addMember(t.db);
    await publish(film.slug);
    await publish(film.slug, review({ verdict: "Even better the third time.", halfStars: "8" }));
    const rows = await reviewsOf(film.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ verdict: "Even better the third time.", status: "published" });
    expect(rows[0]!.editedAt).toBeInstanceOf(Date);
    expect(await getFilmHistogram(film.id)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it("keeps one review per member per film when several saves race", async () => {
    const film = await addFilm(t.db, "Racing Reviews");
    auth.user = await addMember(t.db);
    const outcomes = await Promise.allSettled(
      ["1", "2", "3", "4", "5", "6"].map((n) =>
        saveReviewAction(null, withFilm(film.slug, review({ verdict: `Take ${n}`, halfStars: n }))),
      ),
    );
    expect(outcomes.every((o) => o.status === "rejected" && o.reason instanceof Redirected)).toBe(true);
    const rows = await reviewsOf(film.id);
    expect(rows).toHaveLength(1);
    const [ratingCount] = await t.db.select({ n: count() }).from(ratings).where(eq(ratings.filmId, film.id));
    expect(ratingCount!.n).toBe(1);
    const [totals] = await t.db.select({ ratingCount: films.ratingCount }).from(films).where(eq(films.id, film.id));
    expect(totals!.ratingCount).toBe(1);
  });

  it("saves a draft without a rating, and asks for one only to publish", async () => {
    const film = await addFilm(t.db, "Draft First");
    auth.user = await addMember(t.db);
    const draft = await saveReviewAction(null, withFilm(film.slug, review({ halfStars: "", intent: "draft" })));
    expect(draft).toEqual({ ok: true, message: "Draft saved. Only you can see it." });
    expect(await reviewsOf(film.id)).toMatchObject([{ status: "draft", publishedAt: null }]);
    expect(await getFilmHistogram(film.id)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);

    const refused = await saveReviewAction(null, withFilm(film.slug, review({ halfStars: "" })));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { halfStars: ["Choose your rating before publishing. A draft can wait for one."] },
    });
    expect(await reviewsOf(film.id)).toMatchObject([{ status: "draft" }]);
  });

  it("returns a message per bad field and everything that was typed", async () => {
    const film = await addFilm(t.db, "Bad Input");
    auth.user = await addMember(t.db);
    const body = "b".repeat(20_001);
    const verdict = "v".repeat(141);
    const state = await saveReviewAction(
      null,
      withFilm(film.slug, review({ verdict, body, halfStars: "9", containsSpoilers: "on" })),
    );
    expect(state).toEqual({
      ok: false,
      message: "The review is not saved yet: please fix the fields marked below.",
      fieldErrors: {
        halfStars: ["A rating cannot be above 4/4."],
        verdict: ["Keep the verdict to 140 characters; it has 141."],
        body: ["Keep the review to 20,000 characters; it has 20,001."],
      },
      values: { halfStars: "9", verdict, body, containsSpoilers: "on", intent: "publish", film: film.slug },
    });
    const empty = await saveReviewAction(null, withFilm(film.slug, review({ verdict: "   ", body: "" })));
    expect(empty).toMatchObject({
      fieldErrors: {
        verdict: ["Write a one-line verdict, such as what you would tell a friend."],
        body: ["Write your review; a few sentences are enough."],
      },
    });
    const noIntent = await saveReviewAction(null, withFilm(film.slug, review({ intent: "sneak" })));
    expect(noIntent).toMatchObject({ fieldErrors: { intent: ["Choose Save draft or Publish."] } });
    expect(await reviewsOf(film.id)).toEqual([]);
  });

  it("ignores an author or status that the form sends", async () => {
    const film = await addFilm(t.db, "Forged Fields");
    const victim = await addMember(t.db);
    auth.user = await addMember(t.db);
    const data = review({ intent: "draft" });
    data.set("authorId", victim.id);
    data.set("status", "published");
    data.set("likeCount", "999");
    await saveReviewAction(null, withFilm(film.slug, data));
    expect(await reviewsOf(film.id)).toMatchObject([{ authorId: auth.user.id, status: "draft", likeCount: 0 }]);
  });

  it("refuses visitors and suspended members with the database unchanged", async () => {
    const film = await addFilm(t.db, "No Posting");
    const visitor = await saveReviewAction(null, withFilm(film.slug, review()));
    expect(visitor).toMatchObject({
      ok: false,
      message: SIGN_IN_TO_POST,
      values: { verdict: "Tender and strange, and better on a second watch." },
    });
    auth.user = await addMember(t.db, { suspended: true });
    const suspended = await saveReviewAction(null, withFilm(film.slug, review()));
    expect(suspended).toMatchObject({ ok: false, message: SUSPENDED_CANNOT_POST });
    expect(await reviewsOf(film.id)).toEqual([]);
    const [ratingCount] = await t.db.select({ n: count() }).from(ratings).where(eq(ratings.filmId, film.id));
    expect(ratingCount!.n).toBe(0);
  });

  it("keeps a hidden review hidden when its author edits it", async () => {
    const film = await addFilm(t.db, "Hidden Edit");
    auth.user = await addMember(t.db);
    await publish(film.slug);
    await t.db.update(reviews).set({ status: "hidden", hiddenAt: new Date() }).where(eq(reviews.filmId, film.id));
    const state = await saveReviewAction(null, withFilm(film.slug, review({ verdict: "Let me back in." })));
    expect(state).toMatchObject({ ok: true });
    expect(await reviewsOf(film.id)).toMatchObject([{ status: "hidden", verdict: "Let me back in." }]);
  });
});

describe("who can read what", () => {
  it("shows drafts to their author only, and hidden reviews to the author and moderators", async () => {
    const film = await addFilm(t.db, "Visibility");
    const author = await addMember(t.db);
    const stranger = await addMember(t.db);
    const moderator = await addMember(t.db, { role: "moderator" });
    auth.user = author;
    await saveReviewAction(null, withFilm(film.slug, review({ intent: "draft" })));
    const [draft] = await reviewsOf(film.id);
    const detail = (await getReview(draft!.id))!;
    expect(mayReadReview(author, detail)).toBe(true);
    expect(mayReadReview(stranger, detail)).toBe(false);
    expect(mayReadReview(moderator, detail)).toBe(false);
    expect(mayReadReview(null, detail)).toBe(false);
    expect((await listFilmReviews(film.id, { sort: "newest", page: 1 })).items).toEqual([]);
    expect((await listMemberReviews(author.id, 1)).items).toEqual([]);
    expect((await listFeedReviews({ filmId: film.id })).map((r) => r.id)).toEqual([]);

    await t.db
      .update(reviews)
      .set({ status: "hidden", hiddenReason: "Copied from another site" })
      .where(eq(reviews.id, draft!.id));
    const hidden = (await getReview(draft!.id))!;
    // The reason reaches the author on the review itself.
    expect(hidden.hiddenReason).toBe("Copied from another site");
    expect(mayReadReview(author, hidden)).toBe(true);
    expect(mayReadReview(moderator, hidden)).toBe(true);
    expect(mayReadReview(stranger, hidden)).toBe(false);
    expect(mayReadReview(null, hidden)).toBe(false);
    expect((await listFilmReviews(film.id, { sort: "newest", page: 1 })).total).toBe(0);

    await t.db.update(reviews).set({ status: "published", publishedAt: new Date() }).where(eq(reviews.id, draft!.id));
    expect(mayReadReview(null, (await getReview(draft!.id))!)).toBe(true);
    expect((await listFilmReviews(film.id, { sort: "newest", page: 1 })).items.map((r) => r.id)).toEqual([draft!.id]);
  });
});

describe("likes", () => {
  let film: { id: number; slug: string };
  let author: CurrentUser;
  let reviewId: number;

  beforeAll(async () => {
    film = await addFilm(t.db, "Likeable");
    author = await addMember(t.db);
    auth.user = author;
    await publish(film.slug);
    reviewId = (await reviewsOf(film.id))[0]!.id;
  });

  it("toggles a member's like, one per member, and keeps the count", async () => {
    const fan = await addMember(t.db);
    auth.user = fan;
    expect(await likeReviewAction(null, form({ reviewId: reviewId, like: "1" }))).toMatchObject({
      ok: true,
      data: { liked: true, likeCount: 1 },
    });
    expect(await likeReviewAction(null, form({ reviewId: reviewId, like: "1" }))).toMatchObject({
      ok: true,
      data: { liked: true, likeCount: 1 },
    });
    const second = await addMember(t.db);
    auth.user = second;
    await Promise.all([1, 2, 3].map(() => likeReviewAction(null, form({ reviewId: reviewId, like: "1" }))));
    expect((await reviewsOf(film.id))[0]!.likeCount).toBe(2);
    auth.user = fan;
    expect(await likeReviewAction(null, form({ reviewId: reviewId, like: "0" }))).toMatchObject({
      ok: true,
      data: { liked: false, likeCount: 1 },
    });
    const [likes] = await t.db.select({ n: count() }).from(reviewLikes).where(eq(reviewLikes.reviewId, reviewId));
    expect(likes!.n).toBe(1);
  });

  it("does not let authors like their own review", async () => {
    auth.user = author;
    const before = (await reviewsOf(film.id))[0]!.likeCount;
    const state = await likeReviewAction(null, form({ reviewId: reviewId, like: "1" }));
    expect(state).toMatchObject({ ok: false, message: "You cannot like your own review." });
    expect((await reviewsOf(film.id))[0]!.likeCount).toBe(before);
  });

  it("refuses visitors and suspended members, and unpublished reviews", async () => {
    const before = (await reviewsOf(film.id))[0]!.likeCount;
    auth.user = null;
    expect(await likeReviewAction(null, form({ reviewId: reviewId, like: "1" }))).toMatchObject({
      ok: false,
      message: SIGN_IN_TO_POST,
    });
    auth.user = await addMember(t.db, { suspended: true });
    expect(await likeReviewAction(null, form({ reviewId: reviewId, like: "1" }))).toMatchObject({
      ok: false,
      message: SUSPENDED_CANNOT_POST,
    });
    expect((await reviewsOf(film.id))[0]!.likeCount).toBe(before);

    const drafter = await addMember(t.db);
    const other = await addFilm(t.db, "Unpublished");
    auth.user = drafter;
    await saveReviewAction(null, withFilm(other.slug, review({ intent: "draft" })));
    const [draft] = await reviewsOf(other.id);
    auth.user = await addMember(t.db);
    expect(await likeReviewAction(null, form({ reviewId: draft!.id, like: "1" }))).toMatchObject({ ok: false });
    expect(await likeReviewAction(null, form({ reviewId: reviewId, like: "maybe" }))).toMatchObject({ ok: false });
  });

  it("sorts a film's reviews by likes or by date", async () => {
    const other = await addMember(t.db);
    auth.user = other;
    await publish(film.slug);
    const newest = await listFilmReviews(film.id, { sort: "newest", page: 1 });
    expect(newest.items[0]!.author.handle).toBe(other.handle);
    const liked = await listFilmReviews(film.id, { sort: "liked", page: 1 });
    expect(liked.items[0]!.id).toBe(reviewId);
  });
});

describe("deleting a review", () => {
  it("lets only the author delete, keeps their rating, and takes its comments and likes with it", async () => {
    await seedDemo(t.db);
    const [her] = await t.db.select({ id: films.id, slug: films.slug }).from(films).where(eq(films.slug, "her"));
    const [maya] = await t.db
      .select({ id: users.id, handle: users.handle })
      .from(users)
      .where(eq(users.handle, "maya"));
    const [demo] = await reviewsOf(her!.id);
    const mayaUser: CurrentUser = {
      id: maya!.id,
      handle: "maya",
      name: "Maya",
      image: null,
      role: "member",
      suspended: false,
    };

    auth.user = await addMember(t.db);
    await likeReviewAction(null, form({ reviewId: demo!.id, like: "1" }));
    expect(await deleteReviewAction(null, form({ reviewId: demo!.id }))).toMatchObject({
      ok: false,
      message: "There is no review of yours to delete here.",
    });
    auth.user = { ...mayaUser, suspended: true };
    expect(await deleteReviewAction(null, form({ reviewId: demo!.id }))).toMatchObject({
      ok: false,
      message: SUSPENDED_CANNOT_POST,
    });
    expect(await reviewsOf(her!.id)).toHaveLength(1);

    auth.user = mayaUser;
    await expect(deleteReviewAction(null, form({ reviewId: demo!.id }))).rejects.toEqual(new Redirected("/films/her"));
    expect(await reviewsOf(her!.id)).toEqual([]);
    const [left] = await t.db.select({ n: count() }).from(comments).where(eq(comments.reviewId, demo!.id));
    expect(left!.n).toBe(0);
    const [kept] = await t.db
      .select({ halfStars: ratings.halfStars })
      .from(ratings)
      .where(and(eq(ratings.filmId, her!.id), eq(ratings.userId, maya!.id)));
    expect(kept).toEqual({ halfStars: 8 });
  });
});
