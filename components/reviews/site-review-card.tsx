import Link from "next/link";
import { FilmPoster } from "@/components/films/film-poster";
import { CalibrationNote } from "@/components/ratings/calibration-note";
import { RatingBadge } from "@/components/ratings/rating-badge";
import type { Histogram } from "@/lib/ratings/histogram";
import { formatDate } from "@/lib/dates";
import type { SiteReviewItem } from "@/lib/reviews/queries";
import { pluralize } from "@/lib/text";

/**
 * A review in a list across the site: the film's poster and title, the
 * author's rating, the verdict, an excerpt, who wrote it and when. `note`
 * adds a line (the week's comment count on the home page).
 */
export function SiteReviewCard({
  review,
  headingLevel = 3,
  note,
  authorRatings,
}: {
  review: SiteReviewItem;
  headingLevel?: 2 | 3;
  note?: string;
  /** The author's rating distribution, for the calibration line beside their rating. */
  authorRatings?: Histogram;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const film = review.film.year ? `${review.film.title} (${review.film.year})` : review.film.title;
  return (
    <article aria-labelledby={`site-review-${review.id}`} className="flex gap-4">
      <Link href={`/films/${review.film.slug}`} tabIndex={-1} aria-hidden="true" className="shrink-0">
        <FilmPoster title={review.film.title} year={review.film.year} genres={review.film.genres} size="sm" />
      </Link>
      <div className="min-w-0 space-y-1.5">
        <Heading id={`site-review-${review.id}`} className="font-serif text-lg font-semibold leading-snug">
          <Link href={`/reviews/${review.id}`} className="hover:underline">
            {film}
            <span className="sr-only">, reviewed by {review.author.name}</span>
          </Link>
        </Heading>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          {review.halfStars !== null ? <RatingBadge halfStars={review.halfStars} /> : null}
          <span className="text-[var(--color-muted)]">
            by{" "}
            <Link
              href={`/members/${review.author.handle}`}
              className="font-medium text-[var(--color-ink)] hover:underline"
            >
              {review.author.name}
            </Link>{" "}
            · <time dateTime={review.publishedAt.toISOString()}>{formatDate(review.publishedAt)}</time>
          </span>
        </p>
        {authorRatings ? (
          <p>
            <CalibrationNote
              id={`site-review-${review.id}-calibration`}
              halfStars={review.halfStars}
              handle={review.author.handle}
              histogram={authorRatings}
            />
          </p>
        ) : null}
        <p className="font-serif italic">“{review.verdict}”</p>
        {review.excerpt ? (
          <p className="line-clamp-3 text-sm leading-relaxed text-[var(--color-muted)]">{review.excerpt}</p>
        ) : review.containsSpoilers ? (
          <p className="text-sm text-[var(--color-muted)]">Contains spoilers: the text is on the review’s own page.</p>
        ) : null}
        <p className="text-sm text-[var(--color-muted)]">
          {pluralize(review.likeCount, "like")}
          {note ? ` · ${note}` : null}
        </p>
      </div>
    </article>
  );
}
