import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  accounts,
  commentReports,
  comments,
  diaryEntries,
  films,
  letterboxdImports,
  ratings,
  reviewLikes,
  reviews,
  users,
  watchlistItems,
} from "@/db/schema";
import { consumeHourlyAllowance } from "@/lib/rate-limit";
import { formatRating } from "@/lib/ratings/scale";
import { fail, ok, type Result } from "@/lib/result";

/** Downloads of their data a member may make in an hour. */
export const EXPORTS_PER_HOUR = 5;

type FilmOf = { slug: string; title: string; year: number | null };

/**
 * A member's data as they download it. Versioned: a change that renames or
 * removes a field raises `schemaVersion`; new fields may appear within a
 * version. Dates are ISO 8601 strings in UTC; ratings are `halfStars` (0–8,
 * half points of the four-point scale) with the `rating` shown on the site.
 * Documented in README.md ("Your data: export and deletion").
 */
export interface MemberExport {
  schemaVersion: 1;
  exportedAt: string;
  profile: { handle: string; name: string | null; email: string | null; role: string; joinedAt: string };
  /** The sign-in accounts linked to the member: which providers, never tokens or account ids. */
  linkedAccounts: { provider: string; linkedAt: string }[];
  ratings: { film: FilmOf; halfStars: number; rating: string; ratedAt: string }[];
  reviews: {
    id: number;
    film: FilmOf;
    verdict: string;
    /** The review as written, in Markdown. */
    body: string;
    containsSpoilers: boolean;
    status: string;
    likeCount: number;
    createdAt: string;
    publishedAt: string | null;
    editedAt: string | null;
  }[];
  comments: {
    id: number;
    reviewId: number;
    parentId: number | null;
    film: FilmOf;
    /** The comment as written; kept here even when it was deleted or removed from the page. */
    body: string;
    signedWithProvider: string;
    createdAt: string;
    editedAt: string | null;
    deletedAt: string | null;
    removedAt: string | null;
  }[];
  likes: { reviewId: number; likedAt: string }[];
  reports: {
    commentId: number;
    reason: string;
    note: string | null;
    createdAt: string;
    resolvedAt: string | null;
    resolution: string | null;
  }[];
  imports: { source: "letterboxd"; files: string[]; createdAt: string; confirmedAt: string | null; summary: unknown }[];
  diary: {
    film: FilmOf;
    watchedOn: string | null;
    rewatch: boolean;
    halfStars: number | null;
    tags: string[];
    source: string | null;
  }[];
  watchlist: { film: FilmOf; addedAt: string; source: string | null }[];
}

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const filmColumns = { slug: films.slug, title: films.title, year: films.year };
const filmOf = (row: { slug: string; title: string; year: number | null }): FilmOf => ({
  slug: row.slug,
  title: row.title,
  year: row.year,
});

/** Everything `userId` wrote or chose on Marquee, or null when there is no such member. */
export async function buildMemberExport(userId: string, now = new Date()): Promise<MemberExport | null> {
  const db = await getDb();
  const [profile] = await db
    .select({
      handle: users.handle,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) return null;
  const [linked, rated, written, commented, liked, reported, imported, diary, watchlist] = await Promise.all([
    db
      .select({ provider: accounts.provider, linkedAt: accounts.linkedAt })
      .from(accounts)
      .where(eq(accounts.userId, userId))
      .orderBy(asc(accounts.linkedAt)),
    db
      .select({ ...filmColumns, halfStars: ratings.halfStars, ratedAt: ratings.ratedAt })
      .from(ratings)
      .innerJoin(films, eq(films.id, ratings.filmId))
      .where(eq(ratings.userId, userId))
      .orderBy(asc(ratings.ratedAt), asc(films.id)),
    db
      .select({
        ...filmColumns,
        id: reviews.id,
        verdict: reviews.verdict,
        body: reviews.body,
        containsSpoilers: reviews.containsSpoilers,
        status: reviews.status,
        likeCount: reviews.likeCount,
        createdAt: reviews.createdAt,
        publishedAt: reviews.publishedAt,
        editedAt: reviews.editedAt,
      })
      .from(reviews)
      .innerJoin(films, eq(films.id, reviews.filmId))
      .where(eq(reviews.authorId, userId))
      .orderBy(asc(reviews.id)),
    db
      .select({
        ...filmColumns,
        id: comments.id,
        reviewId: comments.reviewId,
        parentId: comments.parentId,
        body: comments.body,
        signedWithProvider: comments.signedWithProvider,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
        deletedAt: comments.deletedAt,
        removedAt: comments.removedAt,
      })
      .from(comments)
      .innerJoin(reviews, eq(reviews.id, comments.reviewId))
      .innerJoin(films, eq(films.id, reviews.filmId))
      .where(eq(comments.authorId, userId))
      .orderBy(asc(comments.id)),
    db
      .select({ reviewId: reviewLikes.reviewId, likedAt: reviewLikes.likedAt })
      .from(reviewLikes)
      .where(eq(reviewLikes.userId, userId))
      .orderBy(asc(reviewLikes.likedAt)),
    db
      .select({
        commentId: commentReports.commentId,
        reason: commentReports.reason,
        note: commentReports.note,
        createdAt: commentReports.createdAt,
        resolvedAt: commentReports.resolvedAt,
        resolution: commentReports.resolution,
      })
      .from(commentReports)
      .where(eq(commentReports.reporterId, userId))
      .orderBy(asc(commentReports.id)),
    db
      .select({
        files: letterboxdImports.files,
        createdAt: letterboxdImports.createdAt,
        confirmedAt: letterboxdImports.confirmedAt,
        summary: letterboxdImports.summary,
      })
      .from(letterboxdImports)
      .where(eq(letterboxdImports.userId, userId))
      .orderBy(asc(letterboxdImports.createdAt)),
    db
      .select({
        ...filmColumns,
        watchedOn: diaryEntries.watchedOn,
        rewatch: diaryEntries.rewatch,
        halfStars: diaryEntries.halfStars,
        tags: diaryEntries.tags,
        source: diaryEntries.source,
      })
      .from(diaryEntries)
      .innerJoin(films, eq(films.id, diaryEntries.filmId))
      .where(eq(diaryEntries.userId, userId))
      .orderBy(asc(diaryEntries.watchedOn), asc(diaryEntries.id)),
    db
      .select({ ...filmColumns, addedAt: watchlistItems.addedAt, source: watchlistItems.source })
      .from(watchlistItems)
      .innerJoin(films, eq(films.id, watchlistItems.filmId))
      .where(eq(watchlistItems.userId, userId))
      .orderBy(asc(watchlistItems.addedAt)),
  ]);
  return {
    schemaVersion: 1,
    exportedAt: iso(now),
    profile: {
      handle: profile.handle,
      name: profile.name,
      email: profile.email,
      role: profile.role,
      joinedAt: iso(profile.createdAt),
    },
    linkedAccounts: linked.map((a) => ({ provider: a.provider, linkedAt: iso(a.linkedAt) })),
    ratings: rated.map((r) => ({
      film: filmOf(r),
      halfStars: r.halfStars,
      rating: formatRating(r.halfStars),
      ratedAt: iso(r.ratedAt),
    })),
    reviews: written.map((r) => ({
      id: r.id,
      film: filmOf(r),
      verdict: r.verdict,
      body: r.body,
      containsSpoilers: r.containsSpoilers,
      status: r.status,
      likeCount: r.likeCount,
      createdAt: iso(r.createdAt),
      publishedAt: isoOrNull(r.publishedAt),
      editedAt: isoOrNull(r.editedAt),
    })),
    comments: commented.map((c) => ({
      id: c.id,
      reviewId: c.reviewId,
      parentId: c.parentId,
      film: filmOf(c),
      body: c.body,
      signedWithProvider: c.signedWithProvider,
      createdAt: iso(c.createdAt),
      editedAt: isoOrNull(c.editedAt),
      deletedAt: isoOrNull(c.deletedAt),
      removedAt: isoOrNull(c.removedAt),
    })),
    likes: liked.map((l) => ({ reviewId: l.reviewId, likedAt: iso(l.likedAt) })),
    reports: reported.map((r) => ({ ...r, createdAt: iso(r.createdAt), resolvedAt: isoOrNull(r.resolvedAt) })),
    imports: imported.map((i) => ({
      source: "letterboxd" as const,
      files: i.files,
      createdAt: iso(i.createdAt),
      confirmedAt: isoOrNull(i.confirmedAt),
      summary: i.summary ?? null,
    })),
    diary: diary.map((d) => ({
      film: filmOf(d),
      watchedOn: d.watchedOn,
      rewatch: d.rewatch,
      halfStars: d.halfStars,
      tags: d.tags,
      source: d.source,
    })),
    watchlist: watchlist.map((w) => ({ film: filmOf(w), addedAt: iso(w.addedAt), source: w.source })),
  };
}

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The member's ratings as CSV: one row per film, oldest first. */
export function ratingsCsv(data: MemberExport): string {
  const header = ["Date", "Film", "Year", "Slug", "Rating", "Half stars"];
  const rows = data.ratings.map((r) => [
    r.ratedAt.slice(0, 10),
    r.film.title,
    r.film.year,
    r.film.slug,
    r.rating,
    r.halfStars,
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export type ExportFormat = "json" | "ratings.csv";

/**
 * The signed-in member's data in `format`, counted against their hourly
 * allowance (a download reads every table; a few an hour is plenty).
 */
export async function exportMemberData(
  actor: { id: string; handle: string },
  format: ExportFormat,
): Promise<Result<{ filename: string; contentType: string; body: string }>> {
  const db = await getDb();
  const allowance = await consumeHourlyAllowance(db, actor.id, "export", EXPORTS_PER_HOUR);
  if (!allowance.ok) return fail("rate_limited", allowance.message);
  const data = await buildMemberExport(actor.id);
  if (!data) return fail("not_found", "Your account no longer exists.");
  const day = data.exportedAt.slice(0, 10);
  if (format === "ratings.csv") {
    return ok({
      filename: `marquee-${actor.handle}-ratings-${day}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: ratingsCsv(data),
    });
  }
  return ok({
    filename: `marquee-${actor.handle}-${day}.json`,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(data, null, 2),
  });
}
