import { beforeAll, describe, expect, it } from "vitest";
import { films, ratings, reviews, users } from "@/db/schema";
import { readFilmPage, readReview } from "@/lib/cache/reads";
import { calibrationOf, shareInWords } from "@/lib/ratings/calibration";
import { getRatingDistributions } from "@/lib/ratings/distributions";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let sequence = 0;

/** `count` films, each rated by `memberId` with the next of `halfStars` in turn. */
async function rateFilms(memberId: string, halfStars: number[]): Promise<number[]> {
  const made = await t.db
    .insert(films)
    .values(halfStars.map(() => ({ slug: `rated-${++sequence}`, title: `Rated ${sequence}`, year: 2000 })))
    .returning({ id: films.id });
  await t.db
    .insert(ratings)
    .values(made.map((film, i) => ({ userId: memberId, filmId: film.id, halfStars: halfStars[i]! })));
  return made.map((film) => film.id);
}

async function member(handle: string): Promise<string> {
  const [row] = await t.db
    .insert(users)
    .values({ handle, name: `Member ${handle}` })
    .returning({ id: users.id });
  return row!.id;
}

/** A film reviewed by `authors`, each of whom rated it 8 (4/4). */
async function reviewedFilm(slug: string, authors: string[]): Promise<{ filmId: number; reviewIds: number[] }> {
  const [film] = await t.db
    .insert(films)
    .values({ slug, title: `Film ${slug}`, year: 2001 })
    .returning({ id: films.id });
  await t.db.insert(ratings).values(authors.map((userId) => ({ userId, filmId: film!.id, halfStars: 8 })));
  const written = await t.db
    .insert(reviews)
    .values(
      authors.map((authorId, i) => ({
        filmId: film!.id,
        authorId,
        body: "Fine.",
        verdict: `Verdict ${i}`,
        status: "published" as const,
        publishedAt: new Date(Date.UTC(2021, 0, 1 + i)),
      })),
    )
    .returning({ id: reviews.id });
  return { filmId: film!.id, reviewIds: written.map((row) => row.id) };
}

describe("the share in words", () => {
  it("rounds to whole percent, and says under 1% and over 99% rather than 0% or 100%", () => {
    expect(shareInWords(1, 33)).toBe("3%");
    expect(shareInWords(1, 200)).toBe("1%");
    expect(shareInWords(1, 201)).toBe("under 1%");
    expect(shareInWords(200, 201)).toBe("over 99%");
    expect(shareInWords(0, 40)).toBe("0%");
    expect(shareInWords(40, 40)).toBe("100%");
  });
});

describe("calibrated ratings", () => {
  let generous: string;
  let newcomer: string;

  beforeAll(async () => {
    generous = await member("generous");
    newcomer = await member("newcomer");
    // 32 ratings of 3/4 and one 4/4 (rated below, on the reviewed film): 1 of 33 is 3%.
    await rateFilms(
      generous,
      Array.from({ length: 32 }, () => 6),
    );
    // 18 ratings here and one below: 19 in all.
    await rateFilms(
      newcomer,
      Array.from({ length: 18 }, () => 6),
    );
  });

  it("says how rare a member's rating is for them, on the review page", async () => {
    const { reviewIds } = await reviewedFilm("rare-four", [generous, newcomer]);
    const review = await readReview(reviewIds[0]!);
    expect(review?.authorRatings?.reduce((a, b) => a + b, 0)).toBe(33);
    expect(calibrationOf(review!.halfStars, review!.authorRatings)?.line).toBe(
      "4/4 from someone who gives 4/4 to 3% of the films they rate",
    );
  });

  it("says nothing for a member with 19 ratings", async () => {
    const [distribution] = Object.values(await getRatingDistributions(["newcomer"]));
    expect(distribution!.reduce((a, b) => a + b, 0)).toBe(19);
    expect(calibrationOf(8, distribution)).toBeNull();
    expect(calibrationOf(null, undefined)).toBeNull();
  });

  it("loads every author's distribution of a page of reviews in one query, for 1 or 20 authors", async () => {
    const one = await member("solo");
    const many: string[] = [];
    for (let i = 0; i < 20; i++) many.push(await member(`crowd-${i}`));
    for (const author of [one, ...many]) await rateFilms(author, [2, 4, 6]);
    await reviewedFilm("one-author", [one]);
    await reviewedFilm("twenty-authors", many);

    t.queries.reset();
    const small = await readFilmPage("one-author", { sort: "newest", page: 1 });
    const smallCount = t.queries.count;
    t.queries.reset();
    const large = await readFilmPage("twenty-authors", { sort: "newest", page: 1 });
    expect(t.queries.count).toBe(smallCount);
    expect(Object.keys(small!.calibrations ?? {})).toEqual(["solo"]);
    expect(Object.keys(large!.calibrations ?? {})).toHaveLength(large!.reviews.items.length);
    const shown = large!.reviews.items[0]!.author.handle;
    expect(large!.calibrations?.[shown]).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 1]);

    t.queries.reset();
    expect(await getRatingDistributions([])).toEqual({});
    expect(t.queries.count).toBe(0);
  });
});
