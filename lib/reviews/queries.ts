import "server-only";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { isSuspended } from "@/lib/policy";
import { getDb } from "@/db/client";
import { comments, filmCredits, films, people, ratings, reviewLikes, reviews, users } from "@/db/schema";
import type { ReviewStatus } from "@/db/schema";
import { markdownExcerpt, MARKDOWN_RENDERER_VERSION } from "@/lib/markdown";
import { htmlExcerpt } from "@/lib/markdown/excerpt";
import { htmlOfRows } from "@/lib/markdown/stored";
import type { Histogram } from "@/lib/ratings/histogram";
import { REVIEWS_PAGE_SIZE, type ReviewSort } from "./params";
import { paginate, type Page } from "@/lib/pagination";

/** The author's rating of the reviewed film, joined by (author, film). */
const ratingJoin = and(eq(ratings.userId, reviews.authorId), eq(ratings.filmId, reviews.filmId));

/** Whether the stored HTML is of the current renderer, so it can be shown as it is. */
const htmlIsCurrent = sql`(${reviews.bodyHtml} is not null and ${reviews.bodyHtmlVersion} = ${MARKDOWN_RENDERER_VERSION})`;

/**
 * Enough of the stored HTML for an excerpt, without sending 20,000
 * characters per row; null when there is none of the current renderer, and
 * then the start of the Markdown instead.
 */
const htmlStart = sql<string | null>`case when ${htmlIsCurrent} then left(${reviews.bodyHtml}, 2400) end`;
const bodyStart = sql<string>`case when ${htmlIsCurrent} then '' else left(${reviews.body}, 1200) end`;

/** The body only for a row whose HTML must be rendered now; '' when the stored HTML is current. */
const bodyUnlessStored = sql<string>`case when ${htmlIsCurrent} then '' else ${reviews.body} end`;

/** What every paginated list of reviews shows of each one, with the list's total. */
const listedReviewColumns = {
  halfStars: ratings.halfStars,
  verdict: reviews.verdict,
  htmlStart,
  bodyStart,
  containsSpoilers: reviews.containsSpoilers,
  likeCount: reviews.likeCount,
  publishedAt: reviews.publishedAt,
  createdAt: reviews.createdAt,
  editedAt: reviews.editedAt,
  total: sql<number>`count(*) over ()`.mapWith(Number),
};

export interface ReviewAuthor {
  handle: string;
  name: string;
}

/** What every list of reviews shows of one review. */
export interface ListedReview {
  id: number;
  halfStars: number | null;
  verdict: string;
  /** Plain text; null when the review is marked as containing spoilers. */
  excerpt: string | null;
  containsSpoilers: boolean;
  likeCount: number;
  publishedAt: Date;
  editedAt: Date | null;
}

/** One review in a film's list of reviews. */
export interface FilmReviewItem extends ListedReview {
  author: ReviewAuthor;
}

export type ReviewPage<Item> = Page<Item>;

function pageOf<Item>(items: Item[], total: number, page: number): ReviewPage<Item> {
  return paginate(items, total, page, REVIEWS_PAGE_SIZE);
}

interface ListedRow {
  id: number;
  halfStars: number | null;
  verdict: string;
  htmlStart: string | null;
  bodyStart: string;
  containsSpoilers: boolean;
  likeCount: number;
  publishedAt: Date | null;
  createdAt: Date;
  editedAt: Date | null;
}

/** A row selected with listedReviewColumns, as lists show it. */
function toListedReview(row: ListedRow): ListedReview {
  return {
    id: row.id,
    halfStars: row.halfStars,
    verdict: row.verdict,
    excerpt: row.containsSpoilers
      ? null
      : row.htmlStart !== null
        ? htmlExcerpt(row.htmlStart, 280)
        : markdownExcerpt(row.bodyStart, 280),
    containsSpoilers: row.containsSpoilers,
    likeCount: row.likeCount,
    publishedAt: row.publishedAt ?? row.createdAt,
    editedAt: row.editedAt,
  };
}

/**
 * The list's total from its rows' window count; a page past the end has no
 * rows to carry it, so only then is it counted on its own.
 */
async function totalOf(rows: { total: number }[], page: number, where: SQL | undefined): Promise<number> {
  if (rows.length > 0 || page <= 1) return rows[0]?.total ?? 0;
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(reviews)
    .where(where);
  return row?.n ?? 0;
}

const authorName = sql<string>`coalesce(${users.name}, ${users.handle})`;

/**
 * One page of a film's published reviews, newest first or most liked first.
 * One query (a second only for a page past the end, to count the pages).
 */
export async function listFilmReviews(
  filmId: number,
  options: { sort: ReviewSort; page: number },
): Promise<ReviewPage<FilmReviewItem>> {
  const db = await getDb();
  const where = and(eq(reviews.filmId, filmId), eq(reviews.status, "published"));
  const order: SQL[] =
    options.sort === "liked"
      ? // Ties go to the newer review; (like_count, id) matches reviews_film_likes_idx.
        [desc(reviews.likeCount), desc(reviews.id)]
      : [desc(reviews.publishedAt), desc(reviews.id)];
  const rows = await db
    .select({
      id: reviews.id,
      handle: users.handle,
      name: authorName,
      ...listedReviewColumns,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.authorId))
    .leftJoin(ratings, ratingJoin)
    .where(where)
    .orderBy(...order)
    .limit(REVIEWS_PAGE_SIZE)
    .offset((options.page - 1) * REVIEWS_PAGE_SIZE);
  const items = rows.map((row) => ({ ...toListedReview(row), author: { handle: row.handle, name: row.name } }));
  return pageOf(items, await totalOf(rows, options.page, where), options.page);
}

/** A review as its own page shows it. */
export interface ReviewDetail {
  id: number;
  status: ReviewStatus;
  authorId: string;
  author: ReviewAuthor & { suspended: boolean };
  film: {
    slug: string;
    title: string;
    year: number | null;
    releaseDate: string | null;
    directors: string[];
  };
  halfStars: number | null;
  verdict: string;
  body: string;
  /** The body as sanitized HTML (stored when written, or rendered and stored on this read). */
  html: string;
  containsSpoilers: boolean;
  likeCount: number;
  createdAt: Date;
  publishedAt: Date | null;
  editedAt: Date | null;
  /** Why a moderator hid it: shown to its author and moderators only (the page decides). */
  hiddenReason: string | null;
  /** The author's rating distribution, for the calibration line beside their rating (lib/cache/reads adds it). */
  authorRatings?: Histogram;
}

/**
 * A review with its film and author, whatever its status (the page decides
 * who may see it), or null. One query, and one more the first time its
 * HTML is read after an import or a renderer change (rendered and stored).
 */
export async function getReview(id: number): Promise<ReviewDetail | null> {
  const db = await getDb();
  const directors = sql<string[]>`coalesce((
    select array_agg(${people.name} order by ${filmCredits.billingOrder})
    from ${filmCredits} join ${people} on ${people.id} = ${filmCredits.personId}
    where ${filmCredits.filmId} = ${films.id} and ${filmCredits.role} = 'director'), '{}')`;
  const [row] = await db
    .select({
      id: reviews.id,
      status: reviews.status,
      authorId: reviews.authorId,
      handle: users.handle,
      name: authorName,
      suspendedAt: users.suspendedAt,
      suspendedUntil: users.suspendedUntil,
      filmSlug: films.slug,
      filmTitle: films.title,
      filmYear: films.year,
      filmReleaseDate: films.releaseDate,
      directors,
      halfStars: ratings.halfStars,
      verdict: reviews.verdict,
      body: reviews.body,
      bodyHtml: reviews.bodyHtml,
      bodyHtmlVersion: reviews.bodyHtmlVersion,
      containsSpoilers: reviews.containsSpoilers,
      likeCount: reviews.likeCount,
      createdAt: reviews.createdAt,
      publishedAt: reviews.publishedAt,
      editedAt: reviews.editedAt,
      hiddenReason: reviews.hiddenReason,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.authorId))
    .innerJoin(films, eq(films.id, reviews.filmId))
    .leftJoin(ratings, ratingJoin)
    .where(eq(reviews.id, id))
    .limit(1);
  if (!row) return null;
  const html = await htmlOfRows(db, "reviews", [row]);
  return {
    id: row.id,
    status: row.status,
    authorId: row.authorId,
    author: { handle: row.handle, name: row.name, suspended: isSuspended(row) },
    film: {
      slug: row.filmSlug,
      title: row.filmTitle,
      year: row.filmYear,
      releaseDate: row.filmReleaseDate,
      directors: row.directors,
    },
    halfStars: row.halfStars,
    verdict: row.verdict,
    body: row.body,
    html: html.get(row.id) ?? "",
    hiddenReason: row.status === "hidden" ? row.hiddenReason : null,
    containsSpoilers: row.containsSpoilers,
    likeCount: row.likeCount,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    editedAt: row.editedAt,
  };
}

/** A member's own review of a film, for the review form. */
export interface OwnReview {
  id: number;
  status: ReviewStatus;
  verdict: string;
  body: string;
  containsSpoilers: boolean;
  editedAt: Date | null;
}

/** What the film page shows one signed-in member about themselves. */
export interface ViewerFilmState {
  halfStars: number | null;
  review: { id: number; status: ReviewStatus } | null;
}

/** `userId`'s rating of the film and their review's id and status. One query. */
export async function getViewerFilmState(userId: string, filmId: number): Promise<ViewerFilmState> {
  const db = await getDb();
  const [row] = await db
    .select({ halfStars: ratings.halfStars, reviewId: reviews.id, status: reviews.status })
    .from(users)
    .leftJoin(ratings, and(eq(ratings.userId, users.id), eq(ratings.filmId, filmId)))
    .leftJoin(reviews, and(eq(reviews.authorId, users.id), eq(reviews.filmId, filmId)))
    .where(eq(users.id, userId))
    .limit(1);
  return {
    halfStars: row?.halfStars ?? null,
    review: row?.reviewId && row.status ? { id: row.reviewId, status: row.status } : null,
  };
}

/** `userId`'s review of the film (any status) and their rating, for editing. One query. */
export async function getOwnReview(
  userId: string,
  filmId: number,
): Promise<{ halfStars: number | null; review: OwnReview | null }> {
  const db = await getDb();
  const [row] = await db
    .select({
      halfStars: ratings.halfStars,
      id: reviews.id,
      status: reviews.status,
      verdict: reviews.verdict,
      body: reviews.body,
      containsSpoilers: reviews.containsSpoilers,
      editedAt: reviews.editedAt,
    })
    .from(users)
    .leftJoin(ratings, and(eq(ratings.userId, users.id), eq(ratings.filmId, filmId)))
    .leftJoin(reviews, and(eq(reviews.authorId, users.id), eq(reviews.filmId, filmId)))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return { halfStars: null, review: null };
  const review =
    row.id !== null && row.status !== null
      ? {
          id: row.id,
          status: row.status,
          verdict: row.verdict ?? "",
          body: row.body ?? "",
          containsSpoilers: row.containsSpoilers ?? false,
          editedAt: row.editedAt,
        }
      : null;
  return { halfStars: row.halfStars, review };
}

/** Whether `userId` likes review `reviewId`. One query. */
export async function hasLiked(userId: string, reviewId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ reviewId: reviewLikes.reviewId })
    .from(reviewLikes)
    .where(and(eq(reviewLikes.reviewId, reviewId), eq(reviewLikes.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/** One review in a member's list: which film, the verdict and the rating. */
export interface MemberReviewItem extends ListedReview {
  film: { slug: string; title: string; year: number | null };
}

/** One page of a member's published reviews, newest first. One query. */
export async function listMemberReviews(userId: string, page: number): Promise<ReviewPage<MemberReviewItem>> {
  const db = await getDb();
  const where = and(eq(reviews.authorId, userId), eq(reviews.status, "published"));
  const rows = await db
    .select({
      id: reviews.id,
      filmSlug: films.slug,
      filmTitle: films.title,
      filmYear: films.year,
      ...listedReviewColumns,
    })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .leftJoin(ratings, ratingJoin)
    .where(where)
    .orderBy(desc(reviews.publishedAt), desc(reviews.id))
    .limit(REVIEWS_PAGE_SIZE)
    .offset((page - 1) * REVIEWS_PAGE_SIZE);
  const items = rows.map((row) => ({
    ...toListedReview(row),
    film: { slug: row.filmSlug, title: row.filmTitle, year: row.filmYear },
  }));
  return pageOf(items, await totalOf(rows, page, where), page);
}

/** One of a member's reviews a moderator has hidden, with the reason they gave the author. */
export interface HiddenReviewItem {
  id: number;
  film: { title: string; year: number | null };
  hiddenAt: Date | null;
  reason: string | null;
}

/** How many hidden reviews the account page lists; a member with more reads the rest on each review. */
export const HIDDEN_REVIEWS_LISTED = 20;

/**
 * A member's hidden reviews, most recently hidden first, for their own account
 * page (reviews_author_published_idx). One query.
 */
export async function listHiddenReviewsOf(userId: string): Promise<HiddenReviewItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: reviews.id,
      title: films.title,
      year: films.year,
      hiddenAt: reviews.hiddenAt,
      reason: reviews.hiddenReason,
    })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .where(and(eq(reviews.authorId, userId), eq(reviews.status, "hidden")))
    .orderBy(sql`${reviews.hiddenAt} desc nulls last`, desc(reviews.id))
    .limit(HIDDEN_REVIEWS_LISTED);
  return rows.map((row) => ({
    id: row.id,
    film: { title: row.title, year: row.year },
    hiddenAt: row.hiddenAt,
    reason: row.reason,
  }));
}

/** A published review as a feed carries it. */
export interface FeedReview {
  id: number;
  author: ReviewAuthor;
  film: { slug: string; title: string; year: number | null };
  halfStars: number | null;
  verdict: string;
  /** The body as sanitized HTML. */
  html: string;
  containsSpoilers: boolean;
  publishedAt: Date;
  editedAt: Date | null;
}

/**
 * The newest published reviews, of one film or one member or of the whole
 * site, for the feeds. One query, and one more when some of their HTML was
 * not stored yet (rendered and stored in one statement).
 */
export async function listFeedReviews(
  filter: { filmId?: number; authorId?: string },
  limit = 30,
): Promise<FeedReview[]> {
  const db = await getDb();
  const conditions: SQL[] = [eq(reviews.status, "published")];
  if (filter.filmId !== undefined) conditions.push(eq(reviews.filmId, filter.filmId));
  if (filter.authorId !== undefined) conditions.push(eq(reviews.authorId, filter.authorId));
  const rows = await db
    .select({
      id: reviews.id,
      handle: users.handle,
      name: authorName,
      filmSlug: films.slug,
      filmTitle: films.title,
      filmYear: films.year,
      halfStars: ratings.halfStars,
      verdict: reviews.verdict,
      body: bodyUnlessStored,
      bodyHtml: reviews.bodyHtml,
      bodyHtmlVersion: reviews.bodyHtmlVersion,
      containsSpoilers: reviews.containsSpoilers,
      publishedAt: reviews.publishedAt,
      createdAt: reviews.createdAt,
      editedAt: reviews.editedAt,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.authorId))
    .innerJoin(films, eq(films.id, reviews.filmId))
    .leftJoin(ratings, ratingJoin)
    .where(and(...conditions))
    .orderBy(desc(reviews.publishedAt), desc(reviews.id))
    .limit(limit);
  const html = await htmlOfRows(db, "reviews", rows);
  return rows.map((row) => ({
    id: row.id,
    author: { handle: row.handle, name: row.name },
    film: { slug: row.filmSlug, title: row.filmTitle, year: row.filmYear },
    halfStars: row.halfStars,
    verdict: row.verdict,
    html: html.get(row.id) ?? "",
    containsSpoilers: row.containsSpoilers,
    publishedAt: row.publishedAt ?? row.createdAt,
    editedAt: row.editedAt,
  }));
}

/** Published reviews for the sitemap, oldest first, with when each last changed. */
export async function listReviewsForSitemap(limit: number): Promise<{ id: number; lastModified: Date }[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: reviews.id,
      lastModified: sql<Date>`coalesce(${reviews.editedAt}, ${reviews.publishedAt}, ${reviews.createdAt})`.mapWith(
        (value: string | Date) => new Date(value),
      ),
    })
    .from(reviews)
    .where(eq(reviews.status, "published"))
    .orderBy(asc(reviews.id))
    .limit(limit);
  return rows;
}

/** One review in a list of reviews across the site: its author and its film beside what every list shows. */
export interface SiteReviewItem extends ListedReview {
  author: ReviewAuthor;
  film: { slug: string; title: string; year: number | null; genres: string[] };
}

const siteReviewColumns = {
  id: reviews.id,
  handle: users.handle,
  name: authorName,
  filmSlug: films.slug,
  filmTitle: films.title,
  filmYear: films.year,
  filmGenres: films.genres,
  ...listedReviewColumns,
};

function toSiteReview(
  row: ListedRow & {
    handle: string;
    name: string;
    filmSlug: string;
    filmTitle: string;
    filmYear: number | null;
    filmGenres: string[];
  },
): SiteReviewItem {
  return {
    ...toListedReview(row),
    author: { handle: row.handle, name: row.name },
    film: { slug: row.filmSlug, title: row.filmTitle, year: row.filmYear, genres: row.filmGenres },
  };
}

/**
 * The site's published reviews, newest first (reviews_latest_idx), a page at a
 * time: the home page's latest reviews and the /reviews pages. One query.
 */
export async function listLatestReviews(
  page: number,
  pageSize = REVIEWS_PAGE_SIZE,
): Promise<ReviewPage<SiteReviewItem>> {
  const db = await getDb();
  const where = eq(reviews.status, "published");
  const rows = await db
    .select(siteReviewColumns)
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.authorId))
    .innerJoin(films, eq(films.id, reviews.filmId))
    .leftJoin(ratings, ratingJoin)
    .where(where)
    .orderBy(desc(reviews.publishedAt), desc(reviews.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await totalOf(rows, page, where);
  return paginate(rows.map(toSiteReview), total, page, pageSize);
}

/**
 * The published reviews with the most comments shown in the last seven days,
 * with that count, most discussed first (comments_created_idx). One query.
 */
export async function listMostDiscussedReviews(limit = 5): Promise<(SiteReviewItem & { recentComments: number })[]> {
  const db = await getDb();
  const talk = db
    .select({ reviewId: comments.reviewId, recent: sql<number>`count(*)`.mapWith(Number).as("recent") })
    .from(comments)
    .where(
      and(
        sql`${comments.createdAt} > now() - interval '7 days'`,
        isNull(comments.deletedAt),
        isNull(comments.removedAt),
        isNull(comments.heldAt),
      ),
    )
    .groupBy(comments.reviewId)
    .as("talk");
  const rows = await db
    .select({ ...siteReviewColumns, recentComments: talk.recent })
    .from(talk)
    .innerJoin(reviews, eq(reviews.id, talk.reviewId))
    .innerJoin(users, eq(users.id, reviews.authorId))
    .innerJoin(films, eq(films.id, reviews.filmId))
    .leftJoin(ratings, ratingJoin)
    .where(eq(reviews.status, "published"))
    .orderBy(desc(talk.recent), desc(reviews.id))
    .limit(limit);
  return rows.map((row) => ({ ...toSiteReview(row), recentComments: row.recentComments }));
}
