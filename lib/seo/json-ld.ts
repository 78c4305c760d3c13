import { formatMean } from "@/lib/ratings/scale";

/**
 * JSON for a <script type="application/ld+json">. Every "<" is written as
 * \u003c (still the same JSON), so text such as "</script>" in a review can
 * never close the script element; U+2028/U+2029 are escaped for old parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** ISO 8601 duration for a runtime in minutes: 126 → "PT2H6M". */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ""}${m || !h ? `${m}M` : ""}`;
}

export interface MovieFacts {
  url: string;
  title: string;
  year: number | null;
  releaseDate: string | null;
  logline?: string | null;
  runtimeMinutes?: number | null;
  genres?: string[];
  certificate?: string | null;
  directors: { name: string; url?: string }[];
  cast?: { name: string; url?: string }[];
  ratingCount?: number;
  halfStarsTotal?: number;
}

const person = (p: { name: string; url?: string }) => ({
  "@type": "Person",
  name: p.name,
  ...(p.url ? { url: p.url } : {}),
});

/** schema.org Movie, with AggregateRating on the 0–4 scale once anyone has rated it. */
export function movieJsonLd(movie: MovieFacts): Record<string, unknown> {
  const mean =
    movie.ratingCount !== undefined && movie.halfStarsTotal !== undefined
      ? formatMean(movie.halfStarsTotal, movie.ratingCount)
      : null;
  const date = movie.releaseDate ?? (movie.year ? String(movie.year) : null);
  return {
    "@context": "https://schema.org",
    "@type": "Movie",
    name: movie.title,
    url: movie.url,
    ...(date ? { datePublished: date, dateCreated: date } : {}),
    ...(movie.logline ? { description: movie.logline } : {}),
    ...(movie.runtimeMinutes ? { duration: duration(movie.runtimeMinutes) } : {}),
    ...(movie.genres?.length ? { genre: movie.genres } : {}),
    ...(movie.certificate ? { contentRating: movie.certificate } : {}),
    ...(movie.directors.length ? { director: movie.directors.map(person) } : {}),
    ...(movie.cast?.length ? { actor: movie.cast.map(person) } : {}),
    ...(mean && movie.ratingCount
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: Number(mean),
            ratingCount: movie.ratingCount,
            bestRating: 4,
            worstRating: 0,
          },
        }
      : {}),
  };
}

export interface ReviewFacts {
  url: string;
  verdict: string;
  /** Plain text; left out when the review has spoilers. */
  body: string | null;
  halfStars: number | null;
  publishedAt: Date;
  editedAt: Date | null;
  author: { name: string; url: string };
  movie: MovieFacts;
}

/** schema.org Review of a Movie, with its Rating on the 0–4 scale. */
export function reviewJsonLd(review: ReviewFacts): Record<string, unknown> {
  const { "@context": _context, ...movie } = movieJsonLd(review.movie);
  return {
    "@context": "https://schema.org",
    "@type": "Review",
    url: review.url,
    name: review.verdict,
    ...(review.body ? { reviewBody: review.body } : {}),
    datePublished: review.publishedAt.toISOString(),
    ...(review.editedAt ? { dateModified: review.editedAt.toISOString() } : {}),
    author: person(review.author),
    itemReviewed: movie,
    ...(review.halfStars !== null
      ? {
          reviewRating: {
            "@type": "Rating",
            ratingValue: review.halfStars / 2,
            bestRating: 4,
            worstRating: 0,
          },
        }
      : {}),
  };
}
