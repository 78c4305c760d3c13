import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { films, ratings, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags } from "@/lib/cache/tags";
import { SIGN_IN_TO_POST, SUSPENDED_CANNOT_POST } from "@/lib/policy";
import { getFilmHistogram } from "@/lib/ratings/queries";
import { formatMean } from "@/lib/ratings/scale";
import { rateFilmAction } from "@/app/films/[slug]/actions";
import { addFilm, addMember, form } from "../support/community";
import { useTestDatabase } from "../support/database";
import { invalidatedTags, session as auth } from "../support/session";

const t = useTestDatabase();

async function ratingsOf(filmId: number) {
  return t.db
    .select({ userId: ratings.userId, halfStars: ratings.halfStars })
    .from(ratings)
    .where(eq(ratings.filmId, filmId));
}

async function totals(filmId: number) {
  const [row] = await t.db
    .select({ ratingCount: films.ratingCount, halfStarsTotal: films.halfStarsTotal })
    .from(films)
    .where(eq(films.id, filmId));
  return row!;
}

describe("rating a film", () => {
  it("stores a rating in half stars and reports it in words", async () => {
    const film = await addFilm(t.db, "Rated Once");
    auth.user = await addMember(t.db);
    const state = await rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars: "7" }));
    expect(state).toEqual({ ok: true, message: "Your rating is now 3½/4." });
    expect(await ratingsOf(film.id)).toEqual([{ userId: auth.user.id, halfStars: 7 }]);
    // The film's page, the member's page and the rated lists are invalidated, nothing else.
    expect(invalidatedTags).toEqual([tags.film(film.id), tags.member(auth.user.id), tags.catalogue]);
  });

  it.each([
    ["-1", "A rating cannot be below 0/4."],
    ["9", "A rating cannot be above 4/4."],
    ["2.5", "Ratings go in half points: 0, ½, 1, 1½ and so on up to 4."],
    ["abc", "A rating is a number of stars from 0 to 4, in half points."],
    ["", "Choose a rating from 0 to 4."],
  ])("refuses %j with a clear message next to the field and saves nothing", async (halfStars, message) => {
    const film = await addFilm(t.db, "Out of Bounds");
    auth.user = await addMember(t.db);
    const state = await rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars }));
    expect(state).toEqual({
      ok: false,
      message,
      fieldErrors: { halfStars: [message] },
      values: { film: film.slug, intent: "rate", halfStars },
    });
    expect(await ratingsOf(film.id)).toEqual([]);
    expect(await totals(film.id)).toEqual({ ratingCount: 0, halfStarsTotal: 0 });
  });

  it("refuses visitors and suspended members, leaving the database as it was", async () => {
    const film = await addFilm(t.db, "Members Only");
    auth.user = null;
    const visitor = await rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars: "6" }));
    expect(visitor).toMatchObject({ ok: false, message: SIGN_IN_TO_POST });
    auth.user = await addMember(t.db, { suspended: true });
    const suspended = await rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars: "6" }));
    expect(suspended).toMatchObject({ ok: false, message: SUSPENDED_CANNOT_POST });
    const clearing = await rateFilmAction(null, form({ film: film.slug, intent: "clear" }));
    expect(clearing).toMatchObject({ ok: false, message: SUSPENDED_CANNOT_POST });
    expect(await ratingsOf(film.id)).toEqual([]);
    expect(await totals(film.id)).toEqual({ ratingCount: 0, halfStarsTotal: 0 });
  });

  it("rates as the signed-in member whatever member the form names", async () => {
    const film = await addFilm(t.db, "Who Is Rating");
    const other = await addMember(t.db);
    auth.user = await addMember(t.db);
    await rateFilmAction(
      null,
      form({ film: film.slug, intent: "rate", halfStars: "4", userId: other.id, authorId: other.id }),
    );
    expect(await ratingsOf(film.id)).toEqual([{ userId: auth.user.id, halfStars: 4 }]);
  });

  it("keeps one rating per member per film when several submits race", async () => {
    const film = await addFilm(t.db, "Racing Ratings");
    auth.user = await addMember(t.db);
    const values = ["1", "8", "3", "5", "2", "6", "7", "0"];
    const states = await Promise.all(
      values.map((v) => rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars: v }))),
    );
    expect(states.every((s) => s?.ok)).toBe(true);
    const rows = await ratingsOf(film.id);
    expect(rows).toHaveLength(1);
    expect(await totals(film.id)).toEqual({ ratingCount: 1, halfStarsTotal: rows[0]!.halfStars });
  });

  it("says so when the film does not exist", async () => {
    auth.user = await addMember(t.db);
    const state = await rateFilmAction(null, form({ film: "no-such-film", intent: "rate", halfStars: "4" }));
    expect(state).toMatchObject({ ok: false, message: "That film is not in the catalogue." });
  });
});

describe("the aggregate follows every change", () => {
  it("keeps mean, count and histogram right through ratings, changes and clearing", async () => {
    const film = await addFilm(t.db, "Aggregate");
    const [a, b, c] = [await addMember(t.db), await addMember(t.db), await addMember(t.db)];
    const rate = async (user: CurrentUser, halfStars: string) => {
      auth.user = user;
      return rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars }));
    };
    await rate(a, "8");
    await rate(b, "7");
    await rate(c, "2");
    let sums = await totals(film.id);
    expect(sums).toEqual({ ratingCount: 3, halfStarsTotal: 17 });
    expect(formatMean(sums.halfStarsTotal, sums.ratingCount)).toBe("2.8");
    expect(await getFilmHistogram(film.id)).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 1]);

    await rate(c, "6");
    sums = await totals(film.id);
    expect(sums).toEqual({ ratingCount: 3, halfStarsTotal: 21 });
    expect(formatMean(sums.halfStarsTotal, sums.ratingCount)).toBe("3.5");
    expect(await getFilmHistogram(film.id)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1]);

    auth.user = a;
    expect(await rateFilmAction(null, form({ film: film.slug, intent: "clear" }))).toEqual({
      ok: true,
      message: "Your rating is cleared.",
    });
    sums = await totals(film.id);
    expect(sums).toEqual({ ratingCount: 2, halfStarsTotal: 13 });
    expect(formatMean(sums.halfStarsTotal, sums.ratingCount)).toBe("3.3");
    expect(await getFilmHistogram(film.id)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0]);

    await t.db.delete(ratings).where(and(eq(ratings.filmId, film.id), eq(ratings.userId, b.id)));
    expect(await totals(film.id)).toEqual({ ratingCount: 1, halfStarsTotal: 6 });
    expect(await getFilmHistogram(film.id)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it("will not clear a rating that a published review shows", async () => {
    const film = await addFilm(t.db, "Rating Under Review");
    auth.user = await addMember(t.db);
    await rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars: "5" }));
    await t.db.insert(reviews).values({
      filmId: film.id,
      authorId: auth.user.id,
      verdict: "Fine.",
      body: "Fine enough.",
      status: "published",
      publishedAt: new Date(),
    });
    const state = await rateFilmAction(null, form({ film: film.slug, intent: "clear" }));
    expect(state).toMatchObject({ ok: false });
    expect(state && !state.ok && state.message).toMatch(/published review shows this rating/);
    expect(await ratingsOf(film.id)).toEqual([{ userId: auth.user.id, halfStars: 5 }]);
    const changed = await rateFilmAction(null, form({ film: film.slug, intent: "rate", halfStars: "6" }));
    expect(changed).toMatchObject({ ok: true });
  });
});
