import { z } from "zod";
import { parsePage } from "@/lib/params";

/** Reviews per page on film and member pages. */
export const REVIEWS_PAGE_SIZE = 10;

export const REVIEW_SORTS = ["newest", "liked"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const REVIEW_SORT_LABELS: Record<ReviewSort, string> = {
  newest: "Newest",
  liked: "Most liked",
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const schema = z.object({
  reviews: z.preprocess(first, z.enum(REVIEW_SORTS)).catch("newest"),
  page: z.unknown().transform(parsePage),
});

export interface ReviewListParams {
  sort: ReviewSort;
  page: number;
}

/** `?reviews=newest|liked&page=N`; anything malformed falls back to newest, page 1. */
export function parseReviewListParams(input: Record<string, string | string[] | undefined>): ReviewListParams {
  const parsed = schema.parse({ reviews: input.reviews, page: input.page ?? 1 });
  return { sort: parsed.reviews, page: parsed.page };
}

/** The film page URL for a sort and page; defaults are left out. */
export function filmReviewsHref(slug: string, params: ReviewListParams): string {
  const search = new URLSearchParams();
  if (params.sort !== "newest") search.set("reviews", params.sort);
  if (params.page > 1) search.set("page", String(params.page));
  const qs = search.toString();
  return `/films/${slug}${qs ? `?${qs}` : ""}#reviews-heading`;
}
