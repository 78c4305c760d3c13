import Link from "next/link";
import { formatMean } from "@/lib/ratings/scale";
import { FilmPoster } from "./film-poster";

export interface FilmCardData {
  slug: string;
  title: string;
  year: number | null;
  genres: string[];
  ratingCount: number;
  halfStarsTotal: number;
}

export function FilmCard({ film, headingLevel = 3 }: { film: FilmCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const mean = formatMean(film.halfStarsTotal, film.ratingCount);
  return (
    <li className="flex gap-3">
      <FilmPoster title={film.title} year={film.year} size="sm" />
      <div className="min-w-0">
        <Heading className="font-serif text-lg font-semibold leading-snug">
          <Link href={`/films/${film.slug}`} className="hover:underline">
            {film.title}
          </Link>
        </Heading>
        <p className="text-sm text-[var(--color-muted)]">
          {[film.year, film.genres.join(", ")].filter(Boolean).join(" · ") || "Year unknown"}
        </p>
        <p className="text-sm">
          {mean ? (
            <>
              <span className="font-medium">{mean}/4</span>{" "}
              <span className="text-[var(--color-muted)]">
                from {film.ratingCount} {film.ratingCount === 1 ? "rating" : "ratings"}
              </span>
            </>
          ) : (
            <span className="text-[var(--color-muted)]">Not rated yet</span>
          )}
        </p>
      </div>
    </li>
  );
}

/** Film cards in a grid; `headingLevel` 2 where the list sits right under the page's h1. */
export function FilmGrid({
  films,
  label,
  headingLevel = 3,
}: {
  films: FilmCardData[];
  label: string;
  headingLevel?: 2 | 3;
}) {
  return (
    <ul aria-label={label} className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {films.map((film) => (
        <FilmCard key={film.slug} film={film} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
