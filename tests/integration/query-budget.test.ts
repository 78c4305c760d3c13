import { beforeAll, describe, expect, it } from "vitest";
import { films, ratings, reviewLikes, reviews, users, watchlistItems } from "@/db/schema";
import { parseBrowseParams } from "@/lib/films/browse-params";
import { getFilmPageData } from "@/lib/films/film-page";
import { browseFilms, listGenres } from "@/lib/films/queries";
import { getMemberHistogram, getSiteHistogram } from "@/lib/ratings/queries";
import { getViewerFilmState, listMemberReviews } from "@/lib/reviews/queries";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

/** A film with `n` members who each rated it, reviewed it, and liked each other's reviews. */
async function filmWithCommunity(slug: string, n: number) {
  const [film] = await t.db
    .insert(films)
    .values({ slug, title: `Film ${slug}`, year: 1999 })
    .returning({ id: films.id });
  const members = await t.db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ handle: `${slug}-m${i}`, name: `Member ${i}` })))
    .returning({ id: users.id });
  await t.db.insert(ratings).values(members.map((m, i) => ({ userId: m.id, filmId: film!.id, halfStars: i % 9 })));
  await t.db.insert(watchlistItems).values(members.map((m) => ({ userId: m.id, filmId: film!.id })));
  const written = await t.db
    .insert(reviews)
    .values(
      members.map((m, i) => ({
        filmId: film!.id,
        authorId: m.id,
        verdict: `Verdict ${i}`,
        body: `Review *number* ${i}, with a [link](https://example.com/${i}).`,
        containsSpoilers: i % 4 === 0,
        status: "published" as const,
        publishedAt: new Date(Date.UTC(2020, 0, 1 + i)),
      })),
    )
    .returning({ id: reviews.id });
  if (n > 1) {
    await t.db.insert(reviewLikes).values(written.slice(1).map((r) => ({ reviewId: r.id, userId: members[0]!.id })));
  }
  return { filmId: film!.id, memberId: members[0]!.id };
}

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  t.queries.reset();
  await run();
  return t.queries.count;
}

describe("query budget", () => {
  let small: { filmId: number; memberId: string };
  let large: { filmId: number; memberId: string };

  beforeAll(async () => {
    small = await filmWithCommunity("small", 1);
    large = await filmWithCommunity("large", 30);
  });

  it("renders a film page's shared data in the same few queries for 1 or 30 reviews and ratings", async () => {
    for (const sort of ["newest", "liked"] as const) {
      for (const page of [1, 2]) {
        const one = await countQueries(() => getFilmPageData("small", { sort, page: 1 }));
        const many = await countQueries(() => getFilmPageData("large", { sort, page }));
        expect(many, `${sort}, page ${page}`).toBe(one);
        // The film, its histogram, the page of reviews and their count, and "On N watchlists".
        expect(one).toBeLessThanOrEqual(5);
      }
    }
    const data = await getFilmPageData("large", { sort: "newest", page: 1 });
    expect(data!.reviews.items).toHaveLength(10);
    expect(data!.reviews.total).toBe(30);
    expect(data!.histogram.reduce((a, b) => a + b, 0)).toBe(30);
    expect(data!.watchlistCount).toBe(30);
  });

  it("reads the viewer's own part of the film page in one query", async () => {
    expect(await countQueries(() => getViewerFilmState(small.memberId, small.filmId))).toBe(1);
    expect(await countQueries(() => getViewerFilmState(large.memberId, large.filmId))).toBe(1);
  });

  it("reads a member page in the same queries however much they wrote", async () => {
    const member = async (id: string) => {
      await Promise.all([listMemberReviews(id, 1), getMemberHistogram(id), getSiteHistogram()]);
    };
    expect(await countQueries(() => member(large.memberId))).toBe(await countQueries(() => member(small.memberId)));
  });

  it("browses the catalogue in the same queries for one result or many", async () => {
    const titles = Array.from({ length: 30 }, (_, i) => ({
      slug: `crowded-${i}`,
      title: `Crowded Room ${i}`,
      year: 1990 + (i % 10),
      genres: ["Drama"],
    }));
    await t.db
      .insert(films)
      .values([...titles, { slug: "lonely", title: "Lonely Planet", year: 1995, genres: ["Western"] }]);
    const browse = (query: Record<string, string>) => async () => {
      await Promise.all([browseFilms(parseBrowseParams(query)), listGenres()]);
    };
    const one = await countQueries(browse({ q: "lonely" }));
    const many = await countQueries(browse({ q: "crowded" }));
    const byGenre = await countQueries(browse({ genre: "Drama", sort: "rating" }));
    expect(one).toBe(2);
    expect(many).toBe(one);
    expect(byGenre).toBe(one);
  });
});
