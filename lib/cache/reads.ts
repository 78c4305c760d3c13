import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { decodeCursor } from "@/lib/activity/cursor";
import { listActivity, type ActivityPage } from "@/lib/activity/queries";
import { getThreadPage, type ThreadPage } from "@/lib/comments/queries";
import type { BrowseParams } from "@/lib/films/browse-params";
import { getFilmPageData, type FilmPageData } from "@/lib/films/film-page";
import {
  browseFilms,
  getFilmBySlug,
  getPersonBySlug,
  listBestRatedFilms,
  listGenres,
  listNewlyRatedFilms,
  searchPeople,
  type BrowseResult,
  type FilmCard,
  type FilmDetail,
  type PersonFilmography,
  type PersonMatch,
} from "@/lib/films/queries";
import { getFollowCounts, listFollows, type FollowCounts, type FollowMember } from "@/lib/follows/queries";
import { getListPage, listMemberLists, type ListPage, type ListSummary } from "@/lib/lists/queries";
import { getDiaryPage, type DiaryPage } from "@/lib/diary/queries";
import { listWatchlist, type WatchlistFilm } from "@/lib/watchlist/queries";
import {
  countRecordByMonth,
  getCommentRecordEntry,
  listRecordEntries,
  type RecordEntry,
  type RecordMonthCount,
} from "@/lib/moderation/record";
import { getMemberByHandle, listReviewers, type MemberProfile, type Reviewer } from "@/lib/members/queries";
import type { Page } from "@/lib/pagination";
import type { Histogram } from "@/lib/ratings/histogram";
import { getRatingDistributions } from "@/lib/ratings/distributions";
import { getMemberHistogram, getSiteHistogram } from "@/lib/ratings/queries";
import type { ReviewListParams } from "@/lib/reviews/params";
import {
  getReview,
  listFeedReviews,
  listLatestReviews,
  listMemberReviews,
  listMostDiscussedReviews,
  type FeedReview,
  type MemberReviewItem,
  type ReviewDetail,
  type ReviewPage,
  type SiteReviewItem,
} from "@/lib/reviews/queries";
import { listSitemapPaths, type SitemapPaths } from "@/lib/seo/sitemap";
import { tags } from "./tags";

/**
 * The reads that are the same for every reader, cached by tag: pages,
 * feeds and the sitemap are built from these and nothing else, so no session
 * reaches a cached entry. Each entry carries the tags of what it shows; the
 * writes that change those things name the same tags (lib/cache/tags.ts) and
 * the action wrapper expires them. `shared` (next.config.js) bounds how long
 * an entry lives without a write, for what no tag covers (a member renamed
 * shows on their old comments within half a minute).
 */

export async function readReview(id: number): Promise<ReviewDetail | null> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.review(id));
  const review = await getReview(id);
  if (!review) return null;
  // The calibration line beside the author's rating follows every rating they give.
  cacheTag(tags.member(review.authorId));
  const distributions = await getRatingDistributions([review.author.handle]);
  return { ...review, authorRatings: distributions[review.author.handle] };
}

export async function readThreadPage(
  reviewId: number,
  page: number,
  thread: { threadId: number; threadPage: number } | null = null,
): Promise<ThreadPage | null> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.review(reviewId));
  return getThreadPage(reviewId, page, null, new Date(), thread ?? {});
}

export async function readFilm(slug: string): Promise<FilmDetail | null> {
  "use cache";
  cacheLife("shared");
  const film = await getFilmBySlug(slug);
  cacheTag(film ? tags.film(film.id) : tags.catalogue);
  return film;
}

export async function readFilmPage(slug: string, reviewList: ReviewListParams): Promise<FilmPageData | null> {
  "use cache";
  cacheLife("shared");
  const data = await getFilmPageData(slug, reviewList);
  cacheTag(data ? tags.film(data.film.id) : tags.catalogue);
  if (!data) return null;
  // One query for the calibration lines of every author on the page. Not tagged by author: a
  // rating elsewhere shows here within the shared lifetime, and does not expire every film page.
  const handles = data.reviews.items.map((review) => review.author.handle);
  return { ...data, calibrations: await getRatingDistributions(handles) };
}

export async function readPerson(slug: string): Promise<PersonFilmography | null> {
  "use cache";
  cacheLife("shared");
  // A filmography shows the films' ratings, so any rating in the catalogue may change it.
  cacheTag(tags.catalogue);
  return getPersonBySlug(slug);
}

export async function readMember(handle: string): Promise<MemberProfile | null> {
  "use cache";
  cacheLife("shared");
  const member = await getMemberByHandle(handle);
  cacheTag(member ? tags.member(member.id) : tags.members);
  return member;
}

export interface MemberPageData {
  reviews: ReviewPage<MemberReviewItem>;
  memberHistogram: Histogram;
  siteHistogram: Histogram;
}

export async function readMemberPage(memberId: string, page: number): Promise<MemberPageData> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.member(memberId), tags.catalogue);
  const [reviews, memberHistogram, siteHistogram] = await Promise.all([
    listMemberReviews(memberId, page),
    getMemberHistogram(memberId),
    getSiteHistogram(),
  ]);
  return { reviews, memberHistogram, siteHistogram };
}

export async function readGenres(): Promise<string[]> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.catalogue);
  return listGenres();
}

export async function readBrowse(params: BrowseParams): Promise<BrowseResult> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.catalogue);
  return browseFilms(params);
}

/** The people a search names, beside its films (first page only). */
export async function readPeopleMatches(q: string): Promise<PersonMatch[]> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.catalogue);
  return searchPeople(q);
}

/** Everything the home page shows: the latest reviews, the week's most discussed, the best rated and newly rated films. */
export async function readHomePage(): Promise<{
  latest: SiteReviewItem[];
  discussed: (SiteReviewItem & { recentComments: number })[];
  best: FilmCard[];
  newlyRated: FilmCard[];
}> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.catalogue, tags.reviews);
  const [latest, discussed, best, newlyRated] = await Promise.all([
    listLatestReviews(1, 6),
    listMostDiscussedReviews(5),
    listBestRatedFilms(6),
    listNewlyRatedFilms(6),
  ]);
  return { latest: latest.items, discussed, best, newlyRated };
}

/** A page of the members who write reviews (/members). */
export async function readReviewers(page: number): Promise<Page<Reviewer>> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.reviews);
  return listReviewers(page);
}

/** A page of the site's latest reviews (/reviews). */
export async function readLatestReviews(page: number): Promise<ReviewPage<SiteReviewItem>> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.reviews);
  return listLatestReviews(page);
}

/** The rating distributions of the authors of a page of reviews, by handle, for their calibration lines. */
export async function readRatingDistributions(handles: readonly string[]): Promise<Record<string, Histogram>> {
  "use cache";
  cacheLife("shared");
  // Every rating expires the catalogue tag, so these follow each author's ratings.
  cacheTag(tags.catalogue);
  return getRatingDistributions(handles);
}

export async function readFeedReviews(scope: { filmId?: number; authorId?: string }): Promise<FeedReview[]> {
  "use cache";
  cacheLife("shared");
  cacheTag(
    scope.filmId !== undefined
      ? tags.film(scope.filmId)
      : scope.authorId !== undefined
        ? tags.member(scope.authorId)
        : tags.reviews,
  );
  return listFeedReviews(scope);
}

export async function readSitemapPaths(limit: number): Promise<SitemapPaths> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.catalogue, tags.reviews);
  return listSitemapPaths(limit);
}

/** A public list's page, the same for every reader: private lists are never read here (lib/lists/queries). */
export async function readPublicListPage(listId: number, page: number): Promise<ListPage | null> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.list(listId));
  return getListPage(listId, page, null);
}

/** A page of a member's public lists (/members/<handle>/lists). */
export async function readMemberPublicLists(memberId: string, page: number): Promise<Page<ListSummary>> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.member(memberId));
  return listMemberLists(memberId, page, { includePrivate: false });
}

/** A member's follower and following counts, for the header of their page. */
export async function readFollowCounts(memberId: string): Promise<FollowCounts> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.member(memberId));
  return getFollowCounts(memberId);
}

/** A page of who follows a member, or whom they follow (/members/<handle>/followers, …/following). */
export async function readFollows(
  memberId: string,
  side: "followers" | "following",
  page: number,
): Promise<Page<FollowMember>> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.member(memberId));
  return listFollows(memberId, side, page);
}

/** A page of one member's own public activity (/members/<handle>/activity), starting after `after` (a `?after=`). */
export async function readMemberActivity(memberId: string, after: string | null): Promise<ActivityPage> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.member(memberId));
  return listActivity({ memberId }, decodeCursor(after));
}

/** A page of a member's watchlist (/members/<handle>/watchlist); an import's member tag refreshes it too. */
export async function readWatchlistPage(memberId: string, page: number): Promise<Page<WatchlistFilm>> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.watchlist(memberId), tags.member(memberId));
  return listWatchlist(memberId, page);
}

/** A page of a member's diary with its counts per year (/members/<handle>/diary); an import's member tag refreshes it too. */
export async function readDiaryPage(memberId: string, page: number): Promise<DiaryPage> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.diary(memberId), tags.member(memberId));
  return getDiaryPage(memberId, page);
}

/** A page of the public moderation record and its counts by month and rule (/moderation/record). */
export async function readModerationRecord(
  page: number,
): Promise<{ entries: Page<RecordEntry>; months: RecordMonthCount[] }> {
  "use cache";
  cacheLife("shared");
  // A review deleted or unpublished by its author leaves the record too.
  cacheTag(tags.moderationRecord, tags.reviews);
  const [entries, months] = await Promise.all([listRecordEntries(page), countRecordByMonth()]);
  return { entries, months };
}

/** The record's entry for one removed comment, which its tombstone links to. */
export async function readCommentRecordEntry(commentId: number): Promise<RecordEntry | null> {
  "use cache";
  cacheLife("shared");
  cacheTag(tags.moderationRecord, tags.reviews);
  return getCommentRecordEntry(commentId);
}
