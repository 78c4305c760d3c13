import Link from "next/link";
import { ViewerFilms } from "@/components/viewer/viewer-context";
import { CardWatchlistButton } from "@/components/watchlist/card-watchlist-button";
import type { FormAction } from "@/lib/forms/action-state";
import { formatMean } from "@/lib/ratings/scale";
import { filmLabel } from "@/lib/text";
import { FilmPoster } from "./film-poster";

export interface FilmCardData {
  /** Given where the grid has watchlist buttons: the viewer payload says by id which films are on the member's watchlist. */
  id?: number;
  slug: string;
  title: string;
  year: number | null;
  genres: string[];
  ratingCount: number;
  halfStarsTotal: number;
  director?: string | null;
}

/**
 * One film in a poster grid: the poster, the title (the tile's one link: it
 * covers the whole tile), the year and first genre, and the mean rating.
 */
export function FilmCard({
  film,
  headingLevel = 3,
  watchlist,
  watchlistOwnerId,
}: {
  film: FilmCardData;
  headingLevel?: 2 | 3;
  /** The watchlist action: members get a "+ Watchlist" button, drawn in the browser. */
  watchlist?: FormAction<{ onWatchlist: boolean }>;
  /** When the grid is this member's watchlist: they get "Remove" instead. */
  watchlistOwnerId?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const mean = formatMean(film.halfStarsTotal, film.ratingCount);
  return (
    <li className="group relative flex min-w-0 flex-col gap-2">
      <div className="transition-transform group-hover:-translate-y-0.5">
        <FilmPoster
          title={film.title}
          year={film.year}
          director={film.director ?? null}
          genres={film.genres}
          size="fill"
        />
      </div>
      <Heading className="font-serif text-base font-semibold leading-snug">
        <Link
          href={`/films/${film.slug}`}
          className="after:absolute after:inset-0 after:content-[''] group-hover:underline"
        >
          {film.title}
        </Link>
      </Heading>
      <p className="-mt-1 text-sm text-[var(--color-muted)]">
        {[film.year, film.genres[0]].filter(Boolean).join(" · ") || "Year unknown"}
      </p>
      <p className="-mt-1 text-sm">
        {mean ? (
          <>
            <span className="font-medium">
              <span aria-hidden="true" className="text-[var(--color-accent)]">
                ★{" "}
              </span>
              {mean}/4
            </span>{" "}
            <span className="text-[var(--color-muted)]">
              · {film.ratingCount} {film.ratingCount === 1 ? "rating" : "ratings"}
            </span>
          </>
        ) : (
          <span className="text-[var(--color-muted)]">Not rated yet</span>
        )}
      </p>
      {watchlist ? (
        <CardWatchlistButton
          action={watchlist}
          filmId={film.id}
          filmSlug={film.slug}
          label={filmLabel(film)}
          ownerId={watchlistOwnerId}
        />
      ) : null}
    </li>
  );
}

/** Film posters in a grid (2 across on a phone, up to 6 on a wide screen); `headingLevel` 2 right under the page's h1. */
export function FilmGrid({
  films,
  label,
  headingLevel = 3,
  watchlist,
  watchlistOwnerId,
}: {
  films: FilmCardData[];
  label: string;
  headingLevel?: 2 | 3;
  watchlist?: FormAction<{ onWatchlist: boolean }>;
  watchlistOwnerId?: string;
}) {
  // Where the buttons are not all "Remove" (a member's own watchlist), the payload is asked which films are on it.
  const ids = watchlist && !watchlistOwnerId ? films.flatMap((film) => (film.id === undefined ? [] : [film.id])) : [];
  return (
    <>
      {ids.length ? <ViewerFilms ids={ids} /> : null}
      <ul
        aria-label={label}
        className="grid grid-cols-2 gap-x-4 gap-y-6 min-[480px]:grid-cols-3 md:grid-cols-4 lg:grid-cols-6"
      >
        {films.map((film) => (
          <FilmCard
            key={film.slug}
            film={film}
            headingLevel={headingLevel}
            watchlist={watchlist}
            watchlistOwnerId={watchlistOwnerId}
          />
        ))}
      </ul>
    </>
  );
}
