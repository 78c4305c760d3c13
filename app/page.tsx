import type { Metadata } from "next";
import Link from "next/link";
import { FilmGrid } from "@/components/films/film-card";
import { SearchBox } from "@/components/films/search-box";
import { listBestRatedFilms, listRecentlyReviewedFilms } from "@/lib/films/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  alternates: {
    canonical: "/",
    types: { "application/rss+xml": [{ url: "/feeds/reviews.xml", title: "The latest reviews on Marquee" }] },
  },
};

export default async function HomePage() {
  const [recent, best] = await Promise.all([listRecentlyReviewedFilms(6), listBestRatedFilms(6)]);
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

      <section aria-labelledby="recent-heading" className="space-y-4">
        <h2 id="recent-heading" className="font-serif text-2xl font-semibold">
          Newly reviewed
        </h2>
        {recent.length ? (
          <FilmGrid films={recent} label="Newly reviewed films" />
        ) : (
          <p className="text-[var(--color-muted)]">No reviews have been published yet.</p>
        )}
      </section>

      <section aria-labelledby="best-heading" className="space-y-4">
        <h2 id="best-heading" className="font-serif text-2xl font-semibold">
          Best rated
        </h2>
        {best.length ? (
          <FilmGrid films={best} label="Best-rated films" />
        ) : (
          <p className="text-[var(--color-muted)]">No film has been rated yet.</p>
        )}
      </section>

      <p>
        <Link href="/films" className="font-medium text-[var(--color-accent)] hover:underline">
          Browse the whole catalogue →
        </Link>
      </p>
    </div>
  );
}
