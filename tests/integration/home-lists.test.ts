import { beforeAll, describe, expect, it } from "vitest";
import { comments, films, ratings, reviews } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { listNewlyRatedFilms } from "@/lib/films/queries";
import { listReviewers } from "@/lib/members/queries";
import { listLatestReviews, listMostDiscussedReviews } from "@/lib/reviews/queries";
import { createMember } from "../support/actors";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();
const day = 24 * 3600 * 1000;

async function film(title: string) {
  const [row] = await t.db
    .insert(films)
    .values({ slug: title.toLowerCase().replace(/\W+/g, "-"), title, year: 2001 })
    .returning({ id: films.id });
  return row!.id;
}

async function review(
  filmId: number,
  authorId: string,
  publishedAt: Date,
  status: "published" | "draft" = "published",
) {
  const [row] = await t.db
    .insert(reviews)
    .values({ filmId, authorId, verdict: "A verdict.", body: "Some words.", status, publishedAt })
    .returning({ id: reviews.id });
  return row!.id;
}

async function talk(reviewId: number, authorId: string, n: number, ago: number) {
  await t.db.insert(comments).values(
    Array.from({ length: n }, () => ({
      reviewId,
      authorId,
      body: "A thought.",
      signedWithProvider: "google",
      signedWithAccountId: "x",
      createdAt: new Date(Date.now() - ago),
    })),
  );
}

let older = 0;
let newer = 0;
let quiet = 0;

beforeAll(async () => {
  await seedDemo(t.db);
  const writer = await createMember(t.db);
  const talker = await createMember(t.db);
  older = await review(await film("Old Talk"), writer.id, new Date(Date.now() - 3 * day));
  newer = await review(await film("New Talk"), writer.id, new Date(Date.now() - day));
  quiet = await review(await film("Quiet One"), writer.id, new Date(Date.now() - 2 * day));
  await review(await film("Still Drafting"), writer.id, new Date(), "draft");
  await talk(older, talker.id, 5, day);
  await talk(newer, talker.id, 2, day);
  await talk(quiet, talker.id, 9, 10 * day);
});

describe("the home page's lists", () => {
  it("lists published reviews newest first with their film and author, a page at a time", async () => {
    const page = await listLatestReviews(1, 3);
    expect(page.items.map((r) => r.film.title)).toEqual(["New Talk", "Quiet One", "Old Talk"]);
    expect(page.items[0]).toMatchObject({ verdict: "A verdict.", excerpt: "Some words." });
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items.map((r) => r.film.title)).not.toContain("Still Drafting");
  });

  it("ranks reviews by comments of the last seven days, leaving older talk out", async () => {
    const discussed = await listMostDiscussedReviews(5);
    const ours = discussed.filter((r) => [older, newer, quiet].includes(r.id));
    expect(ours.map((r) => [r.film.title, r.recentComments])).toEqual([
      ["Old Talk", 5],
      ["New Talk", 2],
    ]);
  });

  it("lists films by their latest rating, newest first", async () => {
    const member = await createMember(t.db);
    const first = await film("Rated First");
    const second = await film("Rated Second");
    await t.db.insert(ratings).values([
      { userId: member.id, filmId: first, halfStars: 6, ratedAt: new Date(Date.now() + 60_000) },
      { userId: member.id, filmId: second, halfStars: 4, ratedAt: new Date(Date.now() + 120_000) },
    ]);
    const titles = (await listNewlyRatedFilms(2)).map((f) => f.title);
    expect(titles).toEqual(["Rated Second", "Rated First"]);
  });

  it("lists the members who publish reviews, the most prolific first, drafts not counted", async () => {
    const { items } = await listReviewers(1);
    const counts = items.map((m) => m.reviews);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The writer of this file's reviews has three published (and a draft, not counted).
    expect(items[0]!.reviews).toBe(3);
    expect(items.map((m) => m.handle)).toContain("maya");
  });
});
