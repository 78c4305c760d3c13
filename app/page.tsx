import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { HomeFollowing } from "@/app/_components/following-feed";
import { FilmGrid, type FilmCardData } from "@/components/films/film-card";
import { SearchBox } from "@/components/films/search-box";
import { LoadingPanel } from "@/components/ui/loading-panel";
import { SiteReviewCard } from "@/components/reviews/site-review-card";
import { getCurrentUser } from "@/lib/auth";
import { readHomePage, readRatingDistributions } from "@/lib/cache/reads";
import { pluralize } from "@/lib/text";

export const metadata: Metadata = {
  alternates: {
    canonical: "/",
    types: { "application/rss+xml": [{ url: "/feeds/reviews.xml", title: "The latest reviews on Marquee" }] },
  },
};

export default function HomePage() {
  return (
    <div className="space-y-12">
      <section aria-labelledby="welcome" className="space-y-4">
        <h1 id="welcome" className="font-serif text-4xl font-bold">
          Films, rated out of four, argued over with care.
        </h1>
        <p className="max-w-2xl text-[var(--color-muted)]">
          Find a film, read what members thought of it, and add your own rating and review.
        </p>
        <SearchBox id="home-search" label="Search the catalogue" />
      </section>

      <Suspense fallback={null}>
        <YourFollowing />
      </Suspense>

      <Suspense fallback={<LoadingPanel what="the latest reviews" />}>
        <Front />
      </Suspense>
    </div>
  );
}

/** For a signed-in member only, read per request beside the shared page: what the people they follow did. */
async function YourFollowing() {
  const member = await getCurrentUser();
  return member ? <HomeFollowing member={member} /> : null;
}

/**
 * The latest reviews, the week's most discussed, and two rows of films, from
 * the cache (tagged by the catalogue and the reviews). No review is known when
 * the app is built, so they are read when asked for.
 */
async function Front() {
  await connection();
  const { latest, discussed, best, newlyRated } = await readHomePage();
  // The calibration lines go on the latest reviews only: a review in both rows would repeat its tooltip's id.
  const distributions = await readRatingDistributions(latest.map((review) => review.author.handle));
  return (
    <>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)]">
        <section aria-labelledby="latest-heading" className="space-y-5">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="latest-heading" className="font-serif text-2xl font-semibold">
              Latest reviews
            </h2>
            <Link href="/reviews" className="text-sm font-medium text-[var(--color-accent)] hover:underline">
              All reviews →
            </Link>
          </div>
          {latest.length ? (
            <ol aria-label="Latest reviews" className="space-y-6">
              {latest.map((review) => (
                <li key={review.id}>
                  <SiteReviewCard review={review} authorRatings={distributions[review.author.handle]} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-[var(--color-muted)]">No reviews have been published yet.</p>
          )}
        </section>
        <section aria-labelledby="discussed-heading" className="space-y-5">
          <h2 id="discussed-heading" className="font-serif text-2xl font-semibold">
            Most discussed this week
          </h2>
          {discussed.length ? (
            <ol aria-label="Most discussed reviews this week" className="space-y-6">
              {discussed.map((review) => (
                <li key={review.id}>
                  <SiteReviewCard review={review} note={`${pluralize(review.recentComments, "comment")} this week`} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-[var(--color-muted)]">Nobody has commented on a review this week.</p>
          )}
        </section>
      </div>
      <FilmShelf
        id="best"
        title="Best rated"
        label="Best-rated films"
        films={best}
        empty="No film has been rated yet."
      />
      <FilmShelf
        id="newly-rated"
        title="Newly rated"
        label="Newly rated films"
        films={newlyRated}
        empty="No film has been rated yet."
      />
    </>
  );
}

/** A headed row of films on the home page, or a sentence when there are none. */
function FilmShelf({
  id,
  title,
  label,
  films,
  empty,
}: {
  id: string;
  title: string;
  label: string;
  films: FilmCardData[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4">
      <h2 id={`${id}-heading`} className="font-serif text-2xl font-semibold">
        {title}
      </h2>
      {films.length ? <FilmGrid films={films} label={label} /> : <p className="text-[var(--color-muted)]">{empty}</p>}
    </section>
  );
}
