import { and, count, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { diaryEntries, films, ratings, reviews, watchlistItems } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { getDiaryPage } from "@/lib/diary/queries";
import { latestDiaryDate, logViewingSchema } from "@/lib/diary/schema";
import { deleteDiaryEntry, logViewing } from "@/lib/diary/write";
import { getFilmPageData } from "@/lib/films/film-page";
import { confirmLetterboxdImport, previewLetterboxdImport } from "@/lib/letterboxd/import";
import { buildViewerPayload } from "@/lib/viewer/payload";
import { countWatchlists, isOnWatchlist, listWatchlist } from "@/lib/watchlist/queries";
import { watchlistFormSchema } from "@/lib/watchlist/schema";
import { setWatchlist } from "@/lib/watchlist/write";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";
import { fileOf, sampleZip } from "../support/letterboxd";

const t = useTestDatabase();

let member: CurrentUser;
let other: CurrentUser;
let suspended: CurrentUser;
let alpha: { id: number; slug: string };
let bravo: { id: number; slug: string };

beforeAll(async () => {
  member = await addMember(t.db);
  other = await addMember(t.db);
  suspended = await addMember(t.db, { suspended: true });
  alpha = await addFilm(t.db, "Alpha", 1999);
  bravo = await addFilm(t.db, "Bravo", 2004);
});

const want = (film: { slug: string }, on: boolean) => ({ film: film.slug, want: on ? "1" : "0" });

function log(actor: CurrentUser, fields: Record<string, string>) {
  return logViewing(actor, { filmId: String(alpha.id), watchedOn: "2026-03-14", ...fields });
}

describe("the watchlist", () => {
  it("adds and removes a film, and sending either twice changes nothing more", async () => {
    const film = await addFilm(t.db, "Watch me");
    expect(await setWatchlist(member, want(film, true))).toMatchObject({ ok: true, value: { onWatchlist: true } });
    expect((await setWatchlist(member, want(film, true))).ok).toBe(true);
    const rows = await t.db
      .select({ n: count() })
      .from(watchlistItems)
      .where(and(eq(watchlistItems.userId, member.id), eq(watchlistItems.filmId, film.id)));
    expect(rows[0]?.n).toBe(1);
    expect(await isOnWatchlist(member.id, film.id)).toBe(true);
    expect(await setWatchlist(member, want(film, false))).toMatchObject({ ok: true, value: { onWatchlist: false } });
    expect((await setWatchlist(member, want(film, false))).ok).toBe(true);
    expect(await isOnWatchlist(member.id, film.id)).toBe(false);
  });

  it("counts the members who want a film on its page data and in the viewer payload", async () => {
    const film = await addFilm(t.db, "Counted");
    await setWatchlist(member, want(film, true));
    await setWatchlist(other, want(film, true));
    expect(await countWatchlists(film.id)).toBe(2);
    expect((await getFilmPageData(film.slug, { sort: "newest", page: 1 }))?.watchlistCount).toBe(2);
    const payload = await buildViewerPayload(member, `/films/${film.slug}`);
    expect(payload.film?.onWatchlist).toBe(true);
    await setWatchlist(other, want(film, false));
    expect(await countWatchlists(film.id)).toBe(1);
    expect((await buildViewerPayload(other, `/films/${film.slug}`)).film?.onWatchlist).toBe(false);
  });

  it("takes the input the action wrapper parsed, as the form sent it", async () => {
    const film = await addFilm(t.db, "Parsed twice");
    const parsed = watchlistFormSchema.parse(want(film, true));
    expect(await setWatchlist(member, parsed)).toMatchObject({ ok: true, value: { onWatchlist: true } });
    const logged = logViewingSchema.parse({ filmId: String(film.id), watchedOn: "2026-01-02", rewatch: "on" });
    expect(await logViewing(member, logged)).toMatchObject({ ok: true });
    const [entry] = (await getDiaryPage(member.id, 1)).entries.items.filter((e) => e.film.title === "Parsed twice");
    expect(entry?.rewatch).toBe(true);
  });

  it("says which tags change: the film's count and the member's watchlist page", async () => {
    const film = await addFilm(t.db, "Tagged");
    const result = await setWatchlist(member, want(film, true));
    expect(result.ok && result.value.changed).toEqual([`film:${film.id}`, `watchlist:${member.id}`]);
  });

  it("lists a member's watchlist newest first, paginated", async () => {
    const keeper = await addMember(t.db);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await addFilm(t.db, `Listed ${i}`));
    for (const [i, film] of ids.entries()) {
      await t.db
        .insert(watchlistItems)
        .values({ userId: keeper.id, filmId: film.id, addedAt: new Date(2026, 0, i + 1) });
    }
    const page = await listWatchlist(keeper.id, 1);
    expect(page.items.map((film) => film.title)).toEqual(["Listed 2", "Listed 1", "Listed 0"]);
    expect(page.total).toBe(3);
  });

  it("refuses a suspended member, a visitor's film that is not there, and a film that does not exist", async () => {
    expect(await setWatchlist(suspended, want(alpha, true))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await isOnWatchlist(suspended.id, alpha.id)).toBe(false);
    expect(await setWatchlist(member, { film: "no-such-film", want: "1" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("logging a viewing", () => {
  it("logs the day and a rewatch, and takes the film off the watchlist only when asked", async () => {
    const diarist = await addMember(t.db);
    await setWatchlist(diarist, want(alpha, true));
    const kept = await log(diarist, { watchedOn: "2026-03-01" });
    expect(kept.ok).toBe(true);
    // The diary page and the member's Activity tab, where the viewing shows, are read again.
    expect(kept.ok && kept.value.changed).toEqual([`diary:${diarist.id}`, `member:${diarist.id}`]);
    expect(await isOnWatchlist(diarist.id, alpha.id)).toBe(true);
    const removed = await log(diarist, { watchedOn: "2026-03-02", rewatch: "on", removeFromWatchlist: "on" });
    expect(removed).toMatchObject({ ok: true, value: { message: expect.stringContaining("off your watchlist") } });
    expect(removed.ok && removed.value.changed).toContain(`watchlist:${diarist.id}`);
    expect(await isOnWatchlist(diarist.id, alpha.id)).toBe(false);
    const diary = await getDiaryPage(diarist.id, 1);
    expect(diary.entries.items.map((entry) => [entry.watchedOn, entry.rewatch])).toEqual([
      ["2026-03-02", true],
      ["2026-03-01", false],
    ]);
  });

  it("refuses a date in the future or before 1870 with a message by the field", async () => {
    const future = await log(member, { watchedOn: "2099-01-01" });
    expect(future).toMatchObject({ ok: false, code: "invalid" });
    expect(!future.ok && future.fieldErrors?.watchedOn?.[0]).toContain("in the future");
    const early = await log(member, { watchedOn: "1869-12-31" });
    expect(!early.ok && early.fieldErrors?.watchedOn?.[0]).toContain("1870");
    const bad = await log(member, { watchedOn: "2026-02-30" });
    expect(!bad.ok && bad.fieldErrors?.watchedOn?.[0]).toContain("2026-03-14");
    expect((await log(member, { watchedOn: latestDiaryDate() })).ok).toBe(true);
  });

  it("refuses the same film twice on one day by the date field", async () => {
    expect((await log(member, { watchedOn: "2025-05-05" })).ok).toBe(true);
    const again = await log(member, { watchedOn: "2025-05-05" });
    expect(!again.ok && again.fieldErrors?.watchedOn?.[0]).toContain("already in your diary");
  });

  it("sets the member's rating through the ratings domain and links their own review", async () => {
    const critic = await addMember(t.db);
    const [review] = await t.db
      .insert(reviews)
      .values({ filmId: bravo.id, authorId: critic.id, verdict: "Fine", body: "Fine.", status: "published" })
      .returning({ id: reviews.id });
    const logged = await logViewing(critic, {
      filmId: String(bravo.id),
      watchedOn: "2026-02-10",
      halfStars: "7",
      linkReview: "on",
    });
    expect(logged.ok).toBe(true);
    expect(logged.ok && logged.value.changed).toEqual(expect.arrayContaining([`film:${bravo.id}`, "catalogue"]));
    const [rating] = await t.db
      .select({ halfStars: ratings.halfStars })
      .from(ratings)
      .where(and(eq(ratings.userId, critic.id), eq(ratings.filmId, bravo.id)));
    expect(rating?.halfStars).toBe(7);
    const [entry] = (await getDiaryPage(critic.id, 1)).entries.items;
    expect(entry).toMatchObject({ halfStars: 7, reviewId: review!.id });
    // Another member cannot link a review they did not write.
    const refused = await logViewing(other, { filmId: String(bravo.id), watchedOn: "2026-02-10", linkReview: "on" });
    expect(!refused.ok && refused.fieldErrors?.linkReview?.[0]).toContain("not written a review");
  });

  it("refuses a suspended member", async () => {
    expect(await log(suspended, {})).toMatchObject({ ok: false, code: "forbidden" });
    const [row] = await t.db.select({ n: count() }).from(diaryEntries).where(eq(diaryEntries.userId, suspended.id));
    expect(row?.n).toBe(0);
  });
});

describe("deleting a diary entry", () => {
  it("deletes the member's own entry and refuses anyone else's", async () => {
    const logged = await log(member, { watchedOn: "2024-08-08" });
    if (!logged.ok) throw new Error(logged.message);
    const id = String(logged.value.entryId);
    expect(await deleteDiaryEntry(other, { entryId: id, confirm: "on" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await deleteDiaryEntry(member, { entryId: id })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: [expect.stringContaining("Tick the box")] },
    });
    expect(await deleteDiaryEntry(member, { entryId: id, confirm: "on" })).toMatchObject({
      ok: true,
      value: { changed: [`diary:${member.id}`, `member:${member.id}`] },
    });
    const [row] = await t.db
      .select({ n: count() })
      .from(diaryEntries)
      .where(eq(diaryEntries.id, Number(id)));
    expect(row?.n).toBe(0);
  });
});

describe("the diary page", () => {
  it("counts entries per year, latest year first, and pages the entries newest first", async () => {
    const diarist = await addMember(t.db);
    const dates = ["2026-01-05", "2026-03-14", "2025-12-31", "2025-06-01", "2024-02-29"];
    for (const watchedOn of dates) {
      await t.db.insert(diaryEntries).values({ userId: diarist.id, filmId: alpha.id, watchedOn });
    }
    const diary = await getDiaryPage(diarist.id, 1);
    expect(diary.years).toEqual([
      { year: 2026, count: 2 },
      { year: 2025, count: 2 },
      { year: 2024, count: 1 },
    ]);
    expect(diary.entries.total).toBe(5);
    expect(diary.entries.items.map((entry) => entry.watchedOn)).toEqual([...dates].sort().reverse());
  });

  it("shows the viewings a Letterboxd import wrote", async () => {
    const importer = await addMember(t.db);
    for (const [title, year] of [
      ["Her", 2013],
      ["Amélie", 2001],
      ["Solaris", 1971],
      ["Stalker", 1979],
    ] as const) {
      await addFilm(t.db, title, year);
    }
    const previewed = await previewLetterboxdImport(importer, {
      files: [fileOf("export.zip", sampleZip(), "application/zip")],
    });
    if (!previewed.ok) throw new Error(previewed.message);
    const confirmed = await confirmLetterboxdImport(importer, {
      importId: previewed.value.importId,
      reviewStatus: "published",
    });
    expect(confirmed.ok).toBe(true);
    const [dated] = await t.db
      .select({ n: count() })
      .from(diaryEntries)
      .where(and(eq(diaryEntries.userId, importer.id), isNotNull(diaryEntries.watchedOn)));
    expect(dated!.n).toBeGreaterThan(0);
    const diary = await getDiaryPage(importer.id, 1);
    expect(diary.entries.total).toBe(dated!.n);
    expect(diary.entries.items.some((entry) => entry.film.title === "Her" && entry.rewatch)).toBe(true);
  });
});

describe("query budget", () => {
  it("reads the diary and the watchlist pages in the same queries for 1 row or 30", async () => {
    const few = await addMember(t.db);
    const many = await addMember(t.db);
    const titles = Array.from({ length: 30 }, (_, i) => `Budget ${i}`);
    const ids: number[] = [];
    for (const title of titles) ids.push((await addFilm(t.db, title)).id);
    await t.db.insert(diaryEntries).values({ userId: few.id, filmId: ids[0]!, watchedOn: "2026-01-01" });
    await t.db.insert(watchlistItems).values({ userId: few.id, filmId: ids[0]! });
    await t.db.insert(diaryEntries).values(
      ids.map((filmId, i) => ({
        userId: many.id,
        filmId,
        watchedOn: `${2000 + (i % 10)}-0${(i % 9) + 1}-1${i % 10}`,
        halfStars: i % 9,
      })),
    );
    await t.db.insert(watchlistItems).values(ids.map((filmId) => ({ userId: many.id, filmId })));
    const budget = async (memberId: string) => {
      t.queries.reset();
      await getDiaryPage(memberId, 1);
      const diary = t.queries.count;
      t.queries.reset();
      await listWatchlist(memberId, 1);
      return { diary, watchlist: t.queries.count };
    };
    const one = await budget(few.id);
    expect(await budget(many.id)).toEqual(one);
    expect(one).toEqual({ diary: 2, watchlist: 2 });
    expect((await getDiaryPage(many.id, 1)).entries.items).toHaveLength(30);
    expect((await listWatchlist(many.id, 1)).items).toHaveLength(30);
    const [rows] = await t.db.select({ n: count() }).from(films);
    expect(rows!.n).toBeGreaterThan(30);
  });
});
