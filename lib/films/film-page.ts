import "server-only";
import { cache } from "react";
import { getFilmHistogram } from "@/lib/ratings/queries";
import type { Histogram } from "@/lib/ratings/histogram";
import type { ReviewListParams } from "@/lib/reviews/params";
import { listFilmReviews, type FilmReviewItem, type ReviewPage } from "@/lib/reviews/queries";
import { countWatchlists } from "@/lib/watchlist/queries";
import { getFilmBySlug, type FilmDetail } from "./queries";

/** The film with its credits, fetched once per request however many callers ask. */
export const getFilm = cache((slug: string) => getFilmBySlug(slug));

export interface FilmPageData {
  film: FilmDetail;
  histogram: Histogram;
  reviews: ReviewPage<FilmReviewItem>;
  /** How many members have the film on their watchlist ("On 12 watchlists"). */
  watchlistCount?: number;
  /** Each author's rating distribution on this page of reviews, by handle (lib/cache/reads adds it). */
  calibrations?: Record<string, Histogram>;
}

/**
 * Everything the shared part of a film page shows: the film and credits, the
 * rating histogram, one page of reviews and the number of watchlists the
 * film is on. Five queries, however many ratings, reviews and watchlists the
 * film has; nothing here reads the session.
 */
export async function getFilmPageData(slug: string, reviewList: ReviewListParams): Promise<FilmPageData | null> {
  const film = await getFilm(slug);
  if (!film) return null;
  const [histogram, reviews, watchlistCount] = await Promise.all([
    getFilmHistogram(film.id),
    listFilmReviews(film.id, reviewList),
    countWatchlists(film.id),
  ]);
  return { film, histogram, reviews, watchlistCount };
}
