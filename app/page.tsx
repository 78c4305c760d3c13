import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { FilmGrid, type FilmCardData } from "@/components/films/film-card";
import { SearchBox } from "@/components/films/search-box";
import { LoadingPanel } from "@/components/ui/loading-panel";
import { readHomeShelves } from "@/lib/cache/reads";

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

      <Suspense fallback={<LoadingPanel what="the latest films" />}>
        <Shelves />
      </Suspense>

      <p>
        <Link href="/films" className="font-medium text-[var(--color-accent)] hover:underline">
          Browse the whole catalogue →
        </Link>
      </p>
    </div>
  );
}

/**
 * The film rows, from the cache (tagged by the catalogue and the reviews).
 * No film is known when the app is built, so they are read when asked for.
 */
async function Shelves() {
  await connection();
  const { recent, best } = await readHomeShelves();
  return (
    <>
      <FilmShelf
        id="recent"
        title="Newly reviewed"
        label="Newly reviewed films"
        films={recent}
        empty="No reviews have been published yet."
      />
      <FilmShelf
        id="best"
        title="Best rated"
        label="Best-rated films"
        films={best}
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
