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

export function FilmCard({ film }: { film: FilmCardData }) {
  const mean = formatMean(film.halfStarsTotal, film.ratingCount);
  return (
    <li className="flex gap-3">
      <FilmPoster title={film.title} year={film.year} size="sm" />
      <div className="min-w-0">
        <h3 className="font-serif text-lg font-semibold leading-snug">
          <Link href={`/films/${film.slug}`} className="hover:underline">
            {film.title}
          </Link>
        </h3>
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

export function FilmGrid({ films, label }: { films: FilmCardData[]; label: string }) {
  return (
    <ul aria-label={label} className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {films.map((film) => (
        <FilmCard key={film.slug} film={film} />
      ))}
    </ul>
  );
}
