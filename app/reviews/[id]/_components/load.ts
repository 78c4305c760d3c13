import "server-only";
import { readReview } from "@/lib/cache/reads";
import { parseId, parsePage } from "@/lib/params";
import type { ReviewDetail } from "@/lib/reviews/queries";

/**
 * The review at `id` as the shared pages show it: published and hidden
 * reviews (a hidden one as the moderator's notice); a draft, like a review
 * that does not exist, is a 404 for everyone there.
 */
export async function loadSharedReview(id: string): Promise<ReviewDetail | null> {
  const reviewId = parseId(id);
  if (reviewId === null) return null;
  const review = await readReview(reviewId);
  return review && review.status !== "draft" ? review : null;
}

/** A page number from a path segment: a positive whole number, written the one way (no "02", no "1e3"); else null. */
export function pageSegment(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return parsePage(value);
}

/** The placeholder a dynamic segment is prerendered with at build time: it is a 404 before any query. */
export const PLACEHOLDER_ID = "0";
