import type { Metadata } from "next";
import Link from "next/link";
import { FilmPoster } from "@/components/films/film-poster";
import { ReviewBody } from "@/components/reviews/review-body";
import { ReviewViewerPanel } from "@/components/reviews/review-viewer-panel";
import { SpoilerOpener } from "@/components/markdown/spoiler-opener";
import { CalibrationNote } from "@/components/ratings/calibration-note";
import { VerdictLine } from "@/components/reviews/verdict-line";
import { JsonLd } from "@/components/seo/json-ld";
import { hideReviewAction, restoreReviewAction } from "@/app/(moderation)/moderation/actions";
import { formatDate } from "@/lib/dates";
import { htmlExcerpt } from "@/lib/markdown/excerpt";
import { formatRating } from "@/lib/ratings/scale";
import type { ReviewDetail } from "@/lib/reviews/queries";
import { reviewJsonLd } from "@/lib/seo/json-ld";
import { siteUrl } from "@/lib/site";
import { filmLabel, pluralize } from "@/lib/text";
import { likeReviewAction } from "../actions";
import { CommentsSection, type CommentsView } from "./comments-section";

/** "Maya Okafor on Her (2013)". */
export function reviewTitle(review: ReviewDetail): string {
  return `${review.author.name} on ${filmLabel(review.film)}`;
}

/** The metadata of a review's pages; `canonical` is the review page itself unless a page of it says otherwise. */
export function reviewMetadata(review: ReviewDetail, canonical = `/reviews/${review.id}`): Metadata {
  const rating = review.halfStars === null ? "" : ` ${formatRating(review.halfStars)}`;
  const published = review.status === "published";
  const title = reviewTitle(review);
  return {
    title,
    description: `${rating ? `${rating.trim()} – ` : ""}${review.verdict}`,
    alternates: {
      canonical,
      types: {
        "application/rss+xml": [
          { url: `/films/${review.film.slug}/feed.xml`, title: `Reviews of ${filmLabel(review.film)} on Marquee` },
          { url: `/members/${review.author.handle}/feed.xml`, title: `Reviews by ${review.author.name} on Marquee` },
        ],
      },
    },
    robots: published ? undefined : { index: false, follow: false },
    openGraph: published ? { type: "article", title, description: review.verdict } : undefined,
    // The image itself is opengraph-image.tsx beside the review page; Next names it in og:image.
    twitter: published ? { card: "summary_large_image", title, description: review.verdict } : undefined,
  };
}

/**
 * A review with its comments. On the shared pages (`shared`) a hidden
 * review shows only the moderator's notice, and what differs per reader is
 * drawn in the browser; the unpublished page, which its author and
 * moderators alone can open, shows the whole text.
 */
export function ReviewArticle({
  review,
  comments,
  shared,
}: {
  review: ReviewDetail;
  comments: CommentsView;
  shared: boolean;
}) {
  const origin = siteUrl();
  const published = review.status === "published";
  const date = review.publishedAt ?? review.createdAt;
  const showBody = published || !shared;
  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <SpoilerOpener />
      <header className="flex gap-5">
        <FilmPoster title={review.film.title} year={review.film.year} size="sm" />
        <div className="min-w-0 space-y-2">
          <p className="text-sm uppercase tracking-wide text-[var(--color-muted)]">A review of</p>
          <h1 className="font-serif text-4xl font-bold">
            <Link href={`/films/${review.film.slug}`} className="hover:underline">
              {review.film.title}
            </Link>{" "}
            {review.film.year ? (
              <span className="font-normal text-[var(--color-muted)]">({review.film.year})</span>
            ) : null}
          </h1>
          {review.film.directors.length ? (
            <p className="text-[var(--color-muted)]">Directed by {review.film.directors.join(" and ")}</p>
          ) : null}
          <p>
            by{" "}
            <Link href={`/members/${review.author.handle}`} className="font-medium hover:underline">
              {review.author.name}
            </Link>
            {" · "}
            <time dateTime={date.toISOString()}>{formatDate(date)}</time>
            {review.editedAt ? (
              <>
                {" · "}
                <span className="text-[var(--color-muted)]">
                  edited <time dateTime={review.editedAt.toISOString()}>{formatDate(review.editedAt)}</time>
                </span>
              </>
            ) : null}
          </p>
        </div>
      </header>

      {review.status === "draft" ? (
        <p role="note" className="rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3">
          This is your draft. Only you can see it until you publish it.
        </p>
      ) : review.status === "hidden" ? (
        <p role="note" className="rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3">
          {shared ? (
            "A moderator has hidden this review. Only its author and moderators can read it."
          ) : (
            <>
              A moderator has hidden this review
              {review.hiddenReason ? <>, giving this reason: “{review.hiddenReason}”</> : null}. Only its author and
              moderators can see it.
            </>
          )}
        </p>
      ) : null}

      {showBody ? <ReviewBody html={review.html} containsSpoilers={review.containsSpoilers} /> : null}

      <footer className="space-y-4 border-t border-[var(--color-line)] pt-4">
        {showBody ? <VerdictLine halfStars={review.halfStars} verdict={review.verdict} /> : null}
        {showBody ? (
          <p>
            <CalibrationNote
              id={`review-${review.id}-calibration`}
              halfStars={review.halfStars}
              handle={review.author.handle}
              histogram={review.authorRatings}
            />
          </p>
        ) : null}
        <ReviewViewerPanel
          review={{
            id: review.id,
            authorId: review.authorId,
            filmSlug: review.film.slug,
            likeCount: review.likeCount,
            status: review.status,
          }}
          like={likeReviewAction}
          hide={hideReviewAction}
          restore={restoreReviewAction}
          unpublishedHref={shared ? `/reviews/${review.id}/unpublished` : undefined}
          visitor={
            <p className="flex flex-wrap gap-4">
              <span className="text-[var(--color-muted)]">{pluralize(review.likeCount, "like")}</span>
              <Link
                href={`/signin?callbackUrl=${encodeURIComponent(`/reviews/${review.id}`)}`}
                className="font-medium text-[var(--color-accent)] hover:underline"
              >
                Sign in to like this review
              </Link>
            </p>
          }
        />
        <p className="text-sm">
          <Link
            href={`/films/${review.film.slug}#reviews-heading`}
            className="text-[var(--color-accent)] hover:underline"
          >
            More reviews of {review.film.title}
          </Link>
        </p>
      </footer>

      {published || !shared ? <CommentsSection reviewId={review.id} view={comments} status={review.status} /> : null}

      {published ? (
        <JsonLd
          data={reviewJsonLd({
            url: `${origin}/reviews/${review.id}`,
            verdict: review.verdict,
            body: review.containsSpoilers ? null : htmlExcerpt(review.html, 5000),
            halfStars: review.halfStars,
            publishedAt: date,
            editedAt: review.editedAt,
            author: { name: review.author.name, url: `${origin}/members/${review.author.handle}` },
            movie: {
              url: `${origin}/films/${review.film.slug}`,
              title: review.film.title,
              year: review.film.year,
              releaseDate: review.film.releaseDate,
              directors: review.film.directors.map((name) => ({ name })),
            },
          })}
        />
      ) : null}
    </article>
  );
}
