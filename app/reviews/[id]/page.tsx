import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { FilmPoster } from "@/components/films/film-poster";
import { ReviewBody } from "@/components/reviews/review-body";
import { VerdictLine } from "@/components/reviews/verdict-line";
import { JsonLd } from "@/components/seo/json-ld";
import { getCurrentUser } from "@/lib/auth";
import { formatDate } from "@/lib/dates";
import { htmlExcerpt } from "@/lib/markdown/excerpt";
import { formatRating } from "@/lib/ratings/scale";
import { getReview, type ReviewDetail } from "@/lib/reviews/queries";
import { mayReadReview } from "@/lib/policy";
import { reviewJsonLd } from "@/lib/seo/json-ld";
import { siteUrl } from "@/lib/site";
import { CommentsSection } from "./_components/comments-section";
import { ModeratorReviewPanel } from "./_components/moderator-review-panel";
import { ViewerReviewPanel } from "./_components/viewer-review-panel";
import { parseId, parsePage } from "@/lib/params";
import { filmLabel } from "@/lib/text";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The review at `id` if this reader may see it: published reviews for
 * everyone, drafts for their author only, hidden reviews for their author
 * and moderators. Anyone else gets the same 404 as for a review that does
 * not exist. Only unpublished reviews read the session.
 */
const loadVisibleReview = cache(async (id: string): Promise<ReviewDetail | null> => {
  const reviewId = parseId(id);
  if (reviewId === null) return null;
  const review = await getReview(reviewId);
  if (!review) return null;
  if (review.status === "published") return review;
  return mayReadReview(await getCurrentUser(), review) ? review : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const review = await loadVisibleReview((await params).id);
  if (!review) notFound();
  const rating = review.halfStars === null ? "" : ` ${formatRating(review.halfStars)}`;
  const published = review.status === "published";
  return {
    title: `${review.author.name} on ${filmLabel(review.film)}`,
    description: `${rating ? `${rating.trim()} – ` : ""}${review.verdict}`,
    alternates: {
      canonical: `/reviews/${review.id}`,
      types: {
        "application/rss+xml": [
          { url: `/films/${review.film.slug}/feed.xml`, title: `Reviews of ${filmLabel(review.film)} on Marquee` },
          { url: `/members/${review.author.handle}/feed.xml`, title: `Reviews by ${review.author.name} on Marquee` },
        ],
      },
    },
    robots: published ? undefined : { index: false, follow: false },
    openGraph: published
      ? { type: "article", title: `${review.author.name} on ${filmLabel(review.film)}`, description: review.verdict }
      : undefined,
    // The image itself is opengraph-image.tsx beside this page; Next names it in og:image.
    twitter: published
      ? {
          card: "summary_large_image",
          title: `${review.author.name} on ${filmLabel(review.film)}`,
          description: review.verdict,
        }
      : undefined,
  };
}

export default async function ReviewPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const review = await loadVisibleReview((await params).id);
  if (!review) notFound();
  const query = await searchParams;
  const origin = siteUrl();
  const published = review.status === "published";
  const date = review.publishedAt ?? review.createdAt;
  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="flex gap-5">
        <FilmPoster title={review.film.title} year={review.film.year} size="sm" />
        <div className="space-y-2">
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
          A moderator has hidden this review
          {review.hiddenReason ? <>, giving this reason: “{review.hiddenReason}”</> : null}. Only its author and
          moderators can see it.
        </p>
      ) : null}

      <ReviewBody html={review.html} containsSpoilers={review.containsSpoilers} />

      <footer className="space-y-4 border-t border-[var(--color-line)] pt-4">
        <VerdictLine halfStars={review.halfStars} verdict={review.verdict} />
        <Suspense fallback={null}>
          <ViewerReviewPanel
            review={{
              id: review.id,
              authorId: review.authorId,
              filmSlug: review.film.slug,
              likeCount: review.likeCount,
              published,
            }}
          />
        </Suspense>
        <p className="text-sm">
          <Link
            href={`/films/${review.film.slug}#reviews-heading`}
            className="text-[var(--color-accent)] hover:underline"
          >
            More reviews of {review.film.title}
          </Link>
        </p>
        <Suspense fallback={null}>
          <ModeratorReviewPanel reviewId={review.id} status={review.status} />
        </Suspense>
      </footer>

      <Suspense fallback={<p className="text-[var(--color-muted)]">Loading the conversation…</p>}>
        <CommentsSection
          reviewId={review.id}
          page={parsePage(query.cpage)}
          replyTo={parseId(query.replyTo)}
          threadId={parseId(query.thread)}
          threadPage={parsePage(query.tpage)}
          status={review.status}
        />
      </Suspense>

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
