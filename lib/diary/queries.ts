import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { diaryEntries, films, reviews } from "@/db/schema";
import { paginate, pageWindow, type Page } from "@/lib/pagination";
import { DIARY_PAGE_SIZE } from "./schema";

export interface DiaryEntryItem {
  id: number;
  /** "2026-03-14". */
  watchedOn: string;
  rewatch: boolean;
  halfStars: number | null;
  film: { slug: string; title: string; year: number | null };
  /** The review logged with the viewing, when it is published. */
  reviewId: number | null;
}

export interface DiaryYear {
  year: number;
  count: number;
}

export interface DiaryPage {
  /** Dated entries per year, the latest year first. */
  years: DiaryYear[];
  entries: Page<DiaryEntryItem>;
}

/**
 * A page of `memberId`'s diary, the latest viewing first, with the count of
 * entries per year, in two queries however long the diary: the counts (an
 * index-only walk of diary_entries_user_idx, and their sum is the total the
 * pages need) and the page itself. Only dated viewings are a diary; films
 * marked as watched without a date (an import's watched.csv) are not listed.
 */
export async function getDiaryPage(memberId: string, page: number): Promise<DiaryPage> {
  const db = await getDb();
  const dated = and(eq(diaryEntries.userId, memberId), isNotNull(diaryEntries.watchedOn));
  const { limit, offset } = pageWindow(page, DIARY_PAGE_SIZE);
  const [years, rows] = await Promise.all([
    db
      .select({
        year: sql<number>`extract(year from ${diaryEntries.watchedOn})::integer`,
        count: sql<number>`count(*)::integer`,
      })
      .from(diaryEntries)
      .where(dated)
      .groupBy(sql`1`)
      .orderBy(sql`1 desc`),
    db
      .select({
        id: diaryEntries.id,
        watchedOn: diaryEntries.watchedOn,
        rewatch: diaryEntries.rewatch,
        halfStars: diaryEntries.halfStars,
        slug: films.slug,
        title: films.title,
        year: films.year,
        reviewId: reviews.id,
      })
      .from(diaryEntries)
      .innerJoin(films, eq(films.id, diaryEntries.filmId))
      .leftJoin(reviews, and(eq(reviews.id, diaryEntries.reviewId), eq(reviews.status, "published")))
      .where(dated)
      .orderBy(desc(diaryEntries.watchedOn), desc(diaryEntries.id))
      .limit(limit)
      .offset(offset),
  ]);
  const total = years.reduce((sum, year) => sum + year.count, 0);
  const items = rows.map((row) => ({
    id: row.id,
    watchedOn: row.watchedOn ?? "",
    rewatch: row.rewatch,
    halfStars: row.halfStars,
    film: { slug: row.slug, title: row.title, year: row.year },
    reviewId: row.reviewId,
  }));
  return { years, entries: paginate(items, total, page, DIARY_PAGE_SIZE) };
}

export interface DiaryEntryDetail {
  id: number;
  userId: string;
  watchedOn: string | null;
  rewatch: boolean;
  film: { slug: string; title: string; year: number | null };
}

/** One diary entry with its film, for the page that confirms its deletion. One query. */
export async function getDiaryEntry(entryId: number): Promise<DiaryEntryDetail | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: diaryEntries.id,
      userId: diaryEntries.userId,
      watchedOn: diaryEntries.watchedOn,
      rewatch: diaryEntries.rewatch,
      slug: films.slug,
      title: films.title,
      year: films.year,
    })
    .from(diaryEntries)
    .innerJoin(films, eq(films.id, diaryEntries.filmId))
    .where(eq(diaryEntries.id, entryId));
  if (!row) return null;
  const { slug, title, year, ...entry } = row;
  return { ...entry, film: { slug, title, year } };
}
