import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FilmPoster } from "@/components/films/film-poster";
import { CreditList } from "@/components/films/credit-list";
import { getFilmBySlug } from "@/lib/films/queries";
import { formatMean } from "@/lib/ratings/scale";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

const loadFilm = cache((slug: string) => getFilmBySlug(slug));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const film = await loadFilm((await params).slug);
  if (!film) notFound();
  const title = film.year ? `${film.title} (${film.year})` : film.title;
  const directors = film.directors.map((d) => d.name).join(" and ");
  return {
    title,
    description:
      film.logline ??
      `${title}${directors ? `, directed by ${directors}` : ""}: ratings and reviews on Marquee.`,
    alternates: { canonical: `/films/${film.slug}` },
  };
}

function formatRuntime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m} min` : `${m} min`;
}

export default async function FilmPage({ params }: { params: Params }) {
  const film = await loadFilm((await params).slug);
  if (!film) notFound();
  const mean = formatMean(film.halfStarsTotal, film.ratingCount);
  const facts = [
    film.year ? String(film.year) : null,
    film.runtimeMinutes ? formatRuntime(film.runtimeMinutes) : null,
    film.certificate,
  ].filter(Boolean);
  return (
    <article className="space-y-10">
      <header className="flex flex-col gap-6 sm:flex-row">
        <FilmPoster title={film.title} year={film.year} size="lg" />
        <div className="space-y-3">
          <h1 className="font-serif text-4xl font-bold">
            {film.title} {film.year ? <span className="font-normal text-[var(--color-muted)]">({film.year})</span> : null}
          </h1>
          {facts.length ? <p className="text-[var(--color-muted)]">{facts.join(" · ")}</p> : null}
          {film.genres.length ? (
            <ul aria-label="Genres" className="flex flex-wrap gap-2">
              {film.genres.map((genre) => (
                <li key={genre}>
                  <Link
                    href={`/films?genre=${encodeURIComponent(genre)}`}
                    className="rounded-full border border-[var(--color-line)] px-3 py-0.5 text-sm hover:bg-[var(--color-card)]"
                  >
                    {genre}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {film.logline ? <p className="font-serif text-lg italic">{film.logline}</p> : null}
          <CreditList label="Directed by" people={film.directors} />
          <CreditList label="Written by" people={film.writers} />
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

      <section aria-labelledby="ratings-heading" className="space-y-2">
        <h2 id="ratings-heading" className="font-serif text-2xl font-semibold">
          Ratings
        </h2>
        {mean ? (
          <p>
            <span className="text-2xl font-semibold">{mean}/4</span>{" "}
            <span className="text-[var(--color-muted)]">
              from {film.ratingCount} {film.ratingCount === 1 ? "rating" : "ratings"}
            </span>
          </p>
        ) : (
          <p className="text-[var(--color-muted)]">Nobody has rated this film yet.</p>
        )}
      </section>

      <section aria-labelledby="reviews-heading" className="space-y-2">
        <h2 id="reviews-heading" className="font-serif text-2xl font-semibold">
          Reviews
        </h2>
        <p className="text-[var(--color-muted)]">Reviews of this film will appear here.</p>
      </section>
    </article>
  );
}
