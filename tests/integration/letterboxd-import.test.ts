import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { diaryEntries, films, letterboxdImports, ratings, reviews, watchlistItems } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { confirmLetterboxdImport, previewLetterboxdImport } from "@/lib/letterboxd/import";
import { getLetterboxdImport, searchFilmsForPicker } from "@/lib/letterboxd/queries";
import { RATING_RULE_TABLE, type PreviewItem } from "@/lib/letterboxd/schema";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";
import { csv, fileOf, sampleExport, sampleZip } from "../support/letterboxd";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const t = useTestDatabase();
const catalogue = { her: 0, amelie: 0, solaris: 0, stalker: 0, nobodyLike: 0 };

beforeAll(async () => {
  catalogue.her = (await addFilm(t.db, "Her", 2013)).id;
  catalogue.amelie = (await addFilm(t.db, "Amélie", 2001)).id;
  catalogue.solaris = (await addFilm(t.db, "Solaris", 1971)).id;
  catalogue.stalker = (await addFilm(t.db, "Stalker", 1979)).id;
  catalogue.nobodyLike = (await addFilm(t.db, "Nobody Knows", 2004)).id;
});

async function preview(member: CurrentUser, files: File[]) {
  const result = await previewLetterboxdImport(member, { files });
  if (!result.ok) throw new Error(result.message);
  const found = await getLetterboxdImport(member.id, result.value.importId);
  return found!;
}

const byName = (items: PreviewItem[], name: string) => items.find((item) => item.name === name)!;

async function countsOf(userId: string) {
  const n = async (
    table: typeof ratings | typeof reviews | typeof diaryEntries | typeof watchlistItems,
    column: Parameters<typeof eq>[0],
  ) => (await t.db.select({ n: count() }).from(table).where(eq(column, userId)))[0]!.n;
  return {
    ratings: await n(ratings, ratings.userId),
    reviews: await n(reviews, reviews.authorId),
    diary: await n(diaryEntries, diaryEntries.userId),
    watchlist: await n(watchlistItems, watchlistItems.userId),
  };
}

describe("the rating rule", () => {
  it("maps Letterboxd's ½–5 stars onto halves of four as the page states", () => {
    expect(RATING_RULE_TABLE.map((r) => [r.letterboxdHalves, r.halfStars])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 3],
      [5, 4],
      [6, 5],
      [7, 6],
      [8, 6],
      [9, 7],
      [10, 8],
    ]);
  });
});

describe("a Letterboxd import", () => {
  it("previews the ZIP without saving anything: matches, the near match, the unmatched with candidates", async () => {
    const member = await addMember(t.db);
    const found = await preview(member, [fileOf("letterboxd-someone-2024.zip", sampleZip(), "application/zip")]);
    expect(found.preview.files.toSorted()).toEqual([
      "diary.csv",
      "ratings.csv",
      "reviews.csv",
      "watched.csv",
      "watchlist.csv",
    ]);
    const items = found.preview.items;
    const her = byName(items, "Her");
    expect(her.match).toEqual({ kind: "exact", film: expect.objectContaining({ id: catalogue.her, title: "Her" }) });
    expect(her.rating).toMatchObject({ letterboxdHalves: 10, halfStars: 8 });
    expect(her.review).toEqual({
      verdict: "A tender film about listening.",
      body: 'A *tender* film about listening. It stays with you, "like a song".\n\nSecond paragraph.',
      writtenOn: "2024-01-06",
    });
    expect(her.olderReviews).toBe(1);
    expect(her.diary).toEqual([
      { watchedOn: "2023-12-01", rewatch: false, halfStars: 7, tags: [] },
      { watchedOn: "2024-01-04", rewatch: true, halfStars: 8, tags: ["romance", "sci-fi"] },
    ]);
    expect(byName(items, "Amelie").match).toMatchObject({ kind: "exact", film: { id: catalogue.amelie } });
    expect(byName(items, "Amelie").rating).toMatchObject({ letterboxdHalves: 5, halfStars: 4 });
    expect(byName(items, "Solaris").match).toMatchObject({ kind: "near", film: { id: catalogue.solaris, year: 1971 } });
    expect(byName(items, "Solaris").rating).toMatchObject({ halfStars: 1 });
    const nobody = byName(items, "A Film Nobody Catalogued");
    expect(nobody.match).toBeNull();
    expect(nobody.candidates.map((c) => c.id)).toContain(catalogue.nobodyLike);
    expect(byName(items, "Stalker").watchlist).toEqual({ addedOn: "2024-02-01" });
    expect(await countsOf(member.id)).toEqual({ ratings: 0, reviews: 0, diary: 0, watchlist: 0 });
  });

  it("saves what the member confirmed, and a second import of the same export adds nothing", async () => {
    const member = await addMember(t.db);
    const before = (await t.db.select({ count: films.ratingCount }).from(films).where(eq(films.id, catalogue.her)))[0]!
      .count;
    const first = await preview(member, [fileOf("export.zip", sampleZip(), "application/zip")]);
    const nobody = byName(first.preview.items, "A Film Nobody Catalogued");
    const confirmed = await confirmLetterboxdImport(member, {
      importId: first.id,
      reviewStatus: "published",
      [`film-${nobody.index}`]: String(catalogue.nobodyLike),
    });
    expect(confirmed).toMatchObject({
      ok: true,
      value: {
        summary: {
          ratingsAdded: 4,
          reviewsAdded: 1,
          diaryEntriesAdded: 3,
          watchlistAdded: 1,
          alreadyThere: 0,
          skippedFilms: 0,
        },
      },
    });
    const mine = await t.db
      .select({ filmId: ratings.filmId, halfStars: ratings.halfStars })
      .from(ratings)
      .where(eq(ratings.userId, member.id))
      .orderBy(ratings.filmId);
    expect(mine).toEqual(
      [
        { filmId: catalogue.her, halfStars: 8 },
        { filmId: catalogue.amelie, halfStars: 4 },
        { filmId: catalogue.solaris, halfStars: 1 },
        { filmId: catalogue.nobodyLike, halfStars: 6 },
      ].sort((a, b) => a.filmId - b.filmId),
    );
    const [review] = await t.db
      .select({ status: reviews.status, verdict: reviews.verdict, publishedAt: reviews.publishedAt })
      .from(reviews)
      .where(eq(reviews.authorId, member.id));
    expect(review).toEqual({
      status: "published",
      verdict: "A tender film about listening.",
      publishedAt: new Date("2024-01-06T12:00:00Z"),
    });
    const after = (await t.db.select({ count: films.ratingCount }).from(films).where(eq(films.id, catalogue.her)))[0]!
      .count;
    expect(after).toBe(before + 1);

    const again = await preview(member, [fileOf("export.zip", sampleZip(), "application/zip")]);
    const second = await confirmLetterboxdImport(member, {
      importId: again.id,
      reviewStatus: "published",
      [`film-${nobody.index}`]: String(catalogue.nobodyLike),
    });
    expect(second).toMatchObject({
      ok: true,
      value: {
        summary: { ratingsAdded: 0, reviewsAdded: 0, diaryEntriesAdded: 0, watchlistAdded: 0, alreadyThere: 9 },
      },
    });
    expect(await countsOf(member.id)).toEqual({ ratings: 4, reviews: 1, diary: 3, watchlist: 1 });
  });

  it("imports reviews as drafts when asked, and lets the member skip a near match", async () => {
    const member = await addMember(t.db);
    const found = await preview(member, [
      fileOf("ratings.csv", sampleExport()["ratings.csv"]!),
      fileOf("reviews.csv", sampleExport()["reviews.csv"]!),
    ]);
    const solaris = byName(found.preview.items, "Solaris");
    const result = await confirmLetterboxdImport(member, {
      importId: found.id,
      reviewStatus: "draft",
      [`film-${solaris.index}`]: "skip",
    });
    expect(result).toMatchObject({
      ok: true,
      value: { summary: { ratingsAdded: 2, reviewsAdded: 1, skippedFilms: 2 } },
    });
    const [review] = await t.db.select({ status: reviews.status }).from(reviews).where(eq(reviews.authorId, member.id));
    expect(review!.status).toBe("draft");
    const solarisRating = await t.db
      .select({ n: count() })
      .from(ratings)
      .where(and(eq(ratings.userId, member.id), eq(ratings.filmId, catalogue.solaris)));
    expect(solarisRating[0]!.n).toBe(0);
  });

  it("merges two entries that land on one film: a pick that is also another entry's match", async () => {
    const member = await addMember(t.db);
    const found = await preview(member, [fileOf("export.zip", sampleZip(), "application/zip")]);
    const nobody = byName(found.preview.items, "A Film Nobody Catalogued");
    const result = await confirmLetterboxdImport(member, {
      importId: found.id,
      reviewStatus: "draft",
      [`film-${nobody.index}`]: String(catalogue.stalker),
    });
    expect(result).toMatchObject({ ok: true, value: { summary: { watchlistAdded: 1, skippedFilms: 0 } } });
    const [stalker] = await t.db
      .select({ halfStars: ratings.halfStars })
      .from(ratings)
      .where(and(eq(ratings.userId, member.id), eq(ratings.filmId, catalogue.stalker)));
    expect(stalker).toEqual({ halfStars: 6 });
  });

  it("keeps a review without any rating as a draft even when the member chose published", async () => {
    const member = await addMember(t.db);
    const reviewsOnly = csv(
      ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date"],
      [["2024-03-01", "Stalker", 1979, "https://boxd.it/x", "", "", "Long and worth it.", "", ""]],
    );
    const found = await preview(member, [fileOf("reviews.csv", reviewsOnly)]);
    await confirmLetterboxdImport(member, { importId: found.id, reviewStatus: "published" });
    const [review] = await t.db.select({ status: reviews.status }).from(reviews).where(eq(reviews.authorId, member.id));
    expect(review!.status).toBe("draft");
  });

  it("lets only the member who uploaded a preview confirm it, and only once", async () => {
    const member = await addMember(t.db);
    const other = await addMember(t.db);
    const found = await preview(member, [fileOf("watchlist.csv", sampleExport()["watchlist.csv"]!)]);
    expect(await getLetterboxdImport(other.id, found.id)).toBeNull();
    expect(await confirmLetterboxdImport(other, { importId: found.id, reviewStatus: "draft" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await confirmLetterboxdImport(member, { importId: found.id, reviewStatus: "draft" })).toMatchObject({
      ok: true,
    });
    expect(await confirmLetterboxdImport(member, { importId: found.id, reviewStatus: "draft" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("refuses an expired preview", async () => {
    const member = await addMember(t.db);
    const found = await preview(member, [fileOf("watchlist.csv", sampleExport()["watchlist.csv"]!)]);
    await t.db
      .update(letterboxdImports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(letterboxdImports.id, found.id));
    expect(await confirmLetterboxdImport(member, { importId: found.id, reviewStatus: "draft" })).toMatchObject({
      ok: false,
      code: "not_found",
      message: "That preview has expired. Upload the file again.",
    });
  });
});

describe("the film picker's search", () => {
  it("finds films by every word typed, the last one as a prefix", async () => {
    expect((await searchFilmsForPicker("nobody kn")).map((f) => f.id)).toEqual([catalogue.nobodyLike]);
    expect((await searchFilmsForPicker("sola")).map((f) => f.title)).toEqual(["Solaris"]);
    expect(await searchFilmsForPicker("  !! ")).toEqual([]);
  });
});

describe("files the import cannot read", () => {
  const failure = async (files: File[]) => {
    const member = await addMember(t.db);
    const result = await previewLetterboxdImport(member, { files });
    if (result.ok) throw new Error("expected a failure");
    return result;
  };

  it("names the missing columns next to the file field", async () => {
    const result = await failure([fileOf("ratings.csv", "Date,Name,Year\n2024-01-01,Her,2013\n")]);
    expect(result.code).toBe("invalid");
    expect(result.fieldErrors?.files?.[0]).toBe(
      "ratings.csv does not have Letterboxd's columns: Letterboxd URI, Rating are missing. Expected Date, Name, Year, Letterboxd URI, Rating.",
    );
  });

  it("refuses a file over the size limit", async () => {
    const big = fileOf("ratings.csv", new Uint8Array(5 * 1024 * 1024 + 1));
    expect((await failure([big])).fieldErrors?.files?.[0]).toMatch(/larger than the 5 MB limit/);
  });

  it("refuses a file that is not part of an export, and a ZIP without one", async () => {
    expect((await failure([fileOf("notes.csv", "a,b\n")])).fieldErrors?.files?.[0]).toMatch(
      /is not part of a Letterboxd export/,
    );
    const { strToU8, zipSync } = await import("fflate");
    const zip = zipSync({ "readme.txt": strToU8("hello") });
    expect((await failure([fileOf("other.zip", zip, "application/zip")])).fieldErrors?.files?.[0]).toMatch(
      /has none of ratings.csv/,
    );
    expect(
      (await failure([fileOf("broken.zip", strToU8("PK\u0003\u0004 not really"))])).fieldErrors?.files?.[0],
    ).toMatch(/not a ZIP file that can be opened/);
  });

  it("points at a rating that is not one of Letterboxd's", async () => {
    const bad = csv(["Date", "Name", "Year", "Letterboxd URI", "Rating"], [["2024-01-01", "Her", 2013, "u", "7"]]);
    expect((await failure([fileOf("ratings.csv", bad)])).fieldErrors?.files?.[0]).toBe(
      'ratings.csv, line 2: "7" is not a Letterboxd rating (½ to 5 stars).',
    );
  });
});
