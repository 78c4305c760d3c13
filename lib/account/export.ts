import "server-only";
import { and, asc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  accounts,
  commentReports,
  comments,
  diaryEntries,
  films,
  follows,
  letterboxdImports,
  listItems,
  listLikes,
  lists,
  notificationSettings,
  notifications,
  ratings,
  reviewLikes,
  reviews,
  users,
  watchlistItems,
} from "@/db/schema";
import { defaultSetting, NOTIFICATION_KINDS, type NotificationKindName } from "@/lib/notifications/schema";
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
    /** The rating given with this viewing as shown on the site ("3½/4"), or null when none was given. */
    rating: string | null;
    tags: string[];
    source: string | null;
    /** The member's review logged with this viewing, if any. */
    reviewId: number | null;
  }[];
  watchlist: { film: FilmOf; addedAt: string; source: string | null }[];
  /** The member's own lists, public and private, oldest first, each with its films in the list's order. */
  lists: {
    id: number;
    title: string;
    /** The description as written, in Markdown. */
    description: string;
    isPublic: boolean;
    createdAt: string;
    updatedAt: string;
    films: { position: number; film: FilmOf; addedAt: string }[];
  }[];
  /** Other members' lists the member liked (those still public; a list made private since is left out). */
  listLikes: { listId: number; title: string; ownerHandle: string; likedAt: string }[];
  /** Members this member follows. */
  following: { handle: string; since: string }[];
  /** Members who follow this member. */
  followers: { handle: string; since: string }[];
  /** Every kind of notice, with the member's choice or, where they made none, the default. */
  notificationSettings: { kind: NotificationKindName; inApp: boolean; email: boolean; chosen: boolean }[];
  /** The notices the member was sent, oldest first. */
  notifications: {
    kind: NotificationKindName;
    /** The member who did it; null for a moderator's decision or an account since deleted. */
    actorHandle: string | null;
    reviewId: number | null;
    commentId: number | null;
    /** For a moderator's decision: what was done and why, as the member was told it. */
    reason: string | null;
    createdAt: string;
    readAt: string | null;
  }[];
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
  const owner = alias(users, "owner");
  const other = alias(users, "other");
  const [
    linked,
    rated,
    written,
    commented,
    liked,
    reported,
    imported,
    diary,
    watchlist,
    ownLists,
    likedLists,
    following,
    followers,
    settings,
    notices,
  ] = await Promise.all([
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
        reviewId: diaryEntries.reviewId,
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
    // One row per film (a list with none gives one row with no film), in list then position order.
    db
      .select({
        id: lists.id,
        title: lists.title,
        description: lists.description,
        isPublic: lists.isPublic,
        createdAt: lists.createdAt,
        updatedAt: lists.updatedAt,
        position: listItems.position,
        addedAt: listItems.addedAt,
        slug: films.slug,
        filmTitle: films.title,
        year: films.year,
      })
      .from(lists)
      .leftJoin(listItems, eq(listItems.listId, lists.id))
      .leftJoin(films, eq(films.id, listItems.filmId))
      .where(eq(lists.ownerId, userId))
      .orderBy(asc(lists.createdAt), asc(lists.id), asc(listItems.position)),
    db
      .select({ listId: lists.id, title: lists.title, ownerHandle: owner.handle, likedAt: listLikes.likedAt })
      .from(listLikes)
      .innerJoin(lists, eq(lists.id, listLikes.listId))
      .innerJoin(owner, eq(owner.id, lists.ownerId))
      .where(and(eq(listLikes.userId, userId), or(eq(lists.isPublic, true), eq(lists.ownerId, userId))))
      .orderBy(asc(listLikes.likedAt), asc(lists.id)),
    db
      .select({ handle: other.handle, since: follows.createdAt })
      .from(follows)
      .innerJoin(other, eq(other.id, follows.followedId))
      .where(eq(follows.followerId, userId))
      .orderBy(asc(follows.createdAt), asc(other.handle)),
    db
      .select({ handle: other.handle, since: follows.createdAt })
      .from(follows)
      .innerJoin(other, eq(other.id, follows.followerId))
      .where(eq(follows.followedId, userId))
      .orderBy(asc(follows.createdAt), asc(other.handle)),
    db
      .select({ kind: notificationSettings.kind, inApp: notificationSettings.inApp, email: notificationSettings.email })
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, userId)),
    db
      .select({
        kind: notifications.kind,
        actorHandle: other.handle,
        reviewId: notifications.reviewId,
        commentId: notifications.commentId,
        reason: notifications.reason,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .leftJoin(other, eq(other.id, notifications.actorId))
      .where(eq(notifications.recipientId, userId))
      .orderBy(asc(notifications.createdAt), asc(notifications.id)),
  ]);
  const listsOut: MemberExport["lists"] = [];
  for (const row of ownLists) {
    let list = listsOut.at(-1);
    if (!list || list.id !== row.id) {
      list = {
        id: row.id,
        title: row.title,
        description: row.description,
        isPublic: row.isPublic,
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
        films: [],
      };
      listsOut.push(list);
    }
    if (row.slug !== null && row.filmTitle !== null && row.position !== null && row.addedAt !== null) {
      list.films.push({
        position: row.position,
        film: { slug: row.slug, title: row.filmTitle, year: row.year },
        addedAt: iso(row.addedAt),
      });
    }
  }
  const chosen = new Map(settings.map((s) => [s.kind, s]));
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
      rating: d.halfStars === null ? null : formatRating(d.halfStars),
      tags: d.tags,
      source: d.source,
      reviewId: d.reviewId,
    })),
    watchlist: watchlist.map((w) => ({ film: filmOf(w), addedAt: iso(w.addedAt), source: w.source })),
    lists: listsOut,
    listLikes: likedLists.map((l) => ({ ...l, likedAt: iso(l.likedAt) })),
    following: following.map((f) => ({ handle: f.handle, since: iso(f.since) })),
    followers: followers.map((f) => ({ handle: f.handle, since: iso(f.since) })),
    notificationSettings: NOTIFICATION_KINDS.map((kind) => {
      const row = chosen.get(kind);
      return row
        ? { kind, inApp: row.inApp, email: row.email, chosen: true }
        : { kind, ...defaultSetting(kind), chosen: false };
    }),
    notifications: notices.map((n) => ({
      kind: n.kind,
      actorHandle: n.actorHandle,
      reviewId: n.reviewId,
      commentId: n.commentId,
      reason: n.reason,
      createdAt: iso(n.createdAt),
      readAt: isoOrNull(n.readAt),
    })),
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
