import { parsePage } from "@/lib/params";

/** Reviews per page on film and member pages. */
export const REVIEWS_PAGE_SIZE = 10;

export const REVIEW_SORTS = ["newest", "liked"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const REVIEW_SORT_LABELS: Record<ReviewSort, string> = {
  newest: "Newest",
  liked: "Most liked",
};

export interface ReviewListParams {
  sort: ReviewSort;
  page: number;
}

/** A sort and page from the film reviews path (`/films/her/reviews/liked/2`), or null when either is not one. */
export function parseReviewListSegments(sort: string, page: string): ReviewListParams | null {
  if (!isReviewSort(sort) || !/^[1-9]\d{0,5}$/.test(page)) return null;
  return { sort, page: parsePage(page) };
}

function isReviewSort(value: string): value is ReviewSort {
  return (REVIEW_SORTS as readonly string[]).includes(value);
}

/** The film page for the first page of newest reviews, its reviews path for any other sort or page. */
export function filmReviewsHref(slug: string, params: ReviewListParams): string {
  if (params.sort === "newest" && params.page <= 1) return `/films/${slug}#reviews-heading`;
  return `/films/${slug}/reviews/${params.sort}/${params.page}#reviews-heading`;
}

/** A page of a member's reviews; the first is on their page. */
export function memberReviewsHref(handle: string, page: number): string {
  return page > 1 ? `/members/${handle}/reviews/${page}` : `/members/${handle}`;
}

/** A page of a review's comment threads; the first is the review page itself. */
export function reviewCommentsHref(reviewId: number, page: number): string {
  return page > 1 ? `/reviews/${reviewId}/comments/${page}` : `/reviews/${reviewId}`;
}

/** One long thread of a review read on its own, a page at a time. */
export function reviewThreadHref(reviewId: number, rootId: number, page: number): string {
  return `/reviews/${reviewId}/threads/${rootId}${page > 1 ? `/${page}` : ""}`;
}
