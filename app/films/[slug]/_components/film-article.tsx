import type { Metadata } from "next";
import Link from "next/link";
import { FilmPoster, posterStyle } from "@/components/films/film-poster";
import { CreditList } from "@/components/films/credit-list";
import { RatingHistogram } from "@/components/ratings/rating-histogram";
import { RatingSummary } from "@/components/ratings/rating-summary";
import { ViewerRatingPanel } from "@/components/ratings/viewer-rating-panel";
import { ReviewList } from "@/components/reviews/review-list";
import { ViewerWatchlistPanel } from "@/components/watchlist/viewer-watchlist-panel";
import { JsonLd } from "@/components/seo/json-ld";
import { Pagination } from "@/components/ui/pagination";
import type { FilmPageData } from "@/lib/films/film-page";
import type { FilmDetail } from "@/lib/films/queries";
import { filmReviewsHref, REVIEW_SORTS, REVIEW_SORT_LABELS, type ReviewListParams } from "@/lib/reviews/params";
import { movieJsonLd } from "@/lib/seo/json-ld";
import { siteUrl } from "@/lib/site";
import { filmLabel, pluralize } from "@/lib/text";
import { rateFilmAction, watchlistAction } from "../actions";

/** The metadata of a film's pages; `canonical` is the film page unless a page of its reviews says otherwise. */
export function filmMetadata(film: FilmDetail, canonical = `/films/${film.slug}`): Metadata {
  const title = filmLabel(film);
  const directors = film.directors.map((d) => d.name).join(" and ");
  return {
    title,
    description:
      film.logline ?? `${title}${directors ? `, directed by ${directors}` : ""}: ratings and reviews on Marquee.`,
    alternates: {
      canonical,
      types: {
        "application/rss+xml": [{ url: `/films/${film.slug}/feed.xml`, title: `Reviews of ${title} on Marquee` }],
      },
    },
    // The image itself is opengraph-image.tsx beside the film page; Next names it in og:image.
    twitter: { card: "summary_large_image", title },
  };
}

function formatRuntime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m} min` : `${m} min`;
}

/** A film page: the same for every reader but the rating panel, which is drawn in the browser. */
export function FilmArticle({ data, reviewList }: { data: FilmPageData; reviewList: ReviewListParams }) {
  const { film, histogram, reviews, watchlistCount = 0 } = data;
  const origin = siteUrl();
  const title = filmLabel(film);
  const facts = [
    film.year ? String(film.year) : null,
    film.runtimeMinutes ? formatRuntime(film.runtimeMinutes) : null,
    film.certificate,
  ].filter(Boolean);
  return (
    <article className="space-y-10">
      <header
        className="grid gap-6 rounded-lg border border-[var(--color-line)] p-5 sm:grid-cols-[12rem_minmax(0,1fr)] sm:p-8"
        style={{
          background: `color-mix(in srgb, ${posterStyle(film.title, film.year).background} 10%, var(--color-card))`,
        }}
      >
        <div className="w-36 sm:w-48">
          <FilmPoster
            title={film.title}
            year={film.year}
            director={film.directors[0]?.name ?? null}
            genres={film.genres}
            size="fill"
          />
        </div>
        <div className="min-w-0 space-y-4">
          <div className="space-y-2">
            <h1 className="font-serif text-4xl font-bold leading-tight sm:text-5xl">
              {film.title}{" "}
              {film.year ? <span className="font-normal text-[var(--color-muted)]">({film.year})</span> : null}
            </h1>
            {facts.length ? <p className="text-[var(--color-muted)]">{facts.join(" · ")}</p> : null}
            <CreditList label="Directed by" people={film.directors} />
            <CreditList label="Written by" people={film.writers} />
          </div>
          {film.logline ? <p className="font-serif text-lg italic">{film.logline}</p> : null}
          {film.genres.length ? (
            <ul aria-label="Genres" className="flex flex-wrap gap-2">
              {film.genres.map((genre) => (
                <li key={genre}>
                  <Link
                    href={`/films?genre=${encodeURIComponent(genre)}`}
                    className="rounded-full border border-[var(--color-line)] bg-[var(--color-paper)] px-3 py-0.5 text-sm hover:border-[var(--color-accent)]"
                  >
                    {genre}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <section aria-labelledby="ratings-heading" className="flex flex-wrap items-end gap-x-8 gap-y-3">
            <div className="space-y-1">
              <h2
                id="ratings-heading"
                className="text-sm font-medium uppercase tracking-wider text-[var(--color-muted)]"
              >
                Ratings
              </h2>
              <RatingSummary halfStarsTotal={film.halfStarsTotal} ratingCount={film.ratingCount} />
              {watchlistCount > 0 ? (
                <p className="text-sm text-[var(--color-muted)]">On {pluralize(watchlistCount, "watchlist")}</p>
              ) : null}
            </div>
            {film.ratingCount > 0 ? (
              <div className="w-48">
                <RatingHistogram histogram={histogram} caption={`Ratings of ${title}`} />
              </div>
            ) : null}
          </section>
          <ViewerRatingPanel
            film={{ slug: film.slug, title: film.title }}
            rate={rateFilmAction}
            visitor={
              <p className="text-sm">
                <Link
                  href={`/signin?callbackUrl=${encodeURIComponent(`/films/${film.slug}`)}`}
                  className="font-medium text-[var(--color-accent)] hover:underline"
                >
                  Sign in to rate or review {film.title}
                </Link>
              </p>
            }
          />
          <ViewerWatchlistPanel film={{ slug: film.slug, title: film.title }} watchlist={watchlistAction} />
          <p className="text-sm">
            <Link href={`/lists/add/${film.slug}`} className="font-medium text-[var(--color-accent)] hover:underline">
              Add to a list
            </Link>
          </p>
        </div>
      </header>

      {film.synopsis ? (
        <section aria-labelledby="synopsis-heading" className="max-w-3xl space-y-2">
          <h2 id="synopsis-heading" className="font-serif text-2xl font-semibold">
            Synopsis
          </h2>
          <p className="leading-relaxed">{film.synopsis}</p>
        </section>
      ) : null}

      <section aria-labelledby="cast-heading" className="space-y-2">
        <h2 id="cast-heading" className="font-serif text-2xl font-semibold">
          Cast
        </h2>
        {film.cast.length ? (
          <ol className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {film.cast.map((member) => (
              <li key={member.slug}>
                <Link href={`/people/${member.slug}`} className="font-medium hover:underline">
                  {member.name}
                </Link>
                {member.character ? <span className="text-[var(--color-muted)]"> as {member.character}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-[var(--color-muted)]">The catalogue does not list this film’s cast yet.</p>
        )}
      </section>

      <section aria-labelledby="reviews-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="reviews-heading" className="font-serif text-2xl font-semibold">
            Reviews
            {reviews.total > 0 ? (
              <span className="text-base font-normal text-[var(--color-muted)]"> ({reviews.total})</span>
            ) : null}
          </h2>
          {reviews.total > 1 ? (
            <nav aria-label="Sort reviews" className="flex gap-3 text-sm">
              {REVIEW_SORTS.map((sort) =>
                sort === reviewList.sort ? (
                  <span key={sort} aria-current="true" className="font-semibold">
                    {REVIEW_SORT_LABELS[sort]}
                  </span>
                ) : (
                  <Link
                    key={sort}
                    href={filmReviewsHref(film.slug, { sort, page: 1 })}
                    className="text-[var(--color-accent)] hover:underline"
                  >
                    {REVIEW_SORT_LABELS[sort]}
                  </Link>
                ),
              )}
            </nav>
          ) : null}
        </div>
        {reviews.items.length > 0 ? (
          <ReviewList
            label={`Reviews of ${film.title}`}
            items={reviews.items.map((review) => ({
              ...review,
              heading: { text: review.author.name, href: `/members/${review.author.handle}` },
              calibration: { handle: review.author.handle, histogram: data.calibrations?.[review.author.handle] },
            }))}
          />
        ) : reviews.total > 0 ? (
          <p>
            This page is past the last review.{" "}
            <Link
              href={filmReviewsHref(film.slug, { ...reviewList, page: reviews.pageCount })}
              className="text-[var(--color-accent)] hover:underline"
            >
              Go to the last page
            </Link>
          </p>
        ) : (
          <p className="text-[var(--color-muted)]">Nobody has reviewed {film.title} yet.</p>
        )}
        <Pagination
          page={reviews.page}
          pageCount={reviews.pageCount}
          hrefFor={(page) => filmReviewsHref(film.slug, { ...reviewList, page })}
          label="Review pages"
        />
        <p className="text-sm">
          <a href={`/films/${film.slug}/feed.xml`} className="text-[var(--color-accent)] hover:underline">
            Reviews of {film.title} as an RSS feed
          </a>
        </p>
      </section>

      <JsonLd
        data={movieJsonLd({
          url: `${origin}/films/${film.slug}`,
          title: film.title,
          year: film.year,
          releaseDate: film.releaseDate,
          logline: film.logline,
          runtimeMinutes: film.runtimeMinutes,
          genres: film.genres,
          certificate: film.certificate,
          directors: film.directors.map((p) => ({ name: p.name, url: `${origin}/people/${p.slug}` })),
          cast: film.cast.map((p) => ({ name: p.name, url: `${origin}/people/${p.slug}` })),
          ratingCount: film.ratingCount,
          halfStarsTotal: film.halfStarsTotal,
        })}
      />
    </article>
  );
}
