import type { Metadata } from "next";
import Link from "next/link";
import { FilmGrid } from "@/components/films/film-card";
import { BrowseFilters } from "@/components/films/browse-filters";
import { Pagination } from "@/components/ui/pagination";
import { browseHref, parseBrowseParams, type BrowseParams } from "@/lib/films/browse-params";
import { browseFilms, listGenres } from "@/lib/films/queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function describe(params: BrowseParams): string {
  const parts: string[] = [];
  if (params.q) parts.push(`“${params.q}”`);
  if (params.genre) parts.push(params.genre);
  if (params.decade) parts.push(`${params.decade}s`);
  return parts.join(", ");
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const params = parseBrowseParams(await searchParams);
  const described = describe(params);
  return {
    title: described ? `Films: ${described}` : "Browse films",
    description: "Search the catalogue by title or person, filter by genre and decade, and sort by rating.",
    alternates: { canonical: browseHref(params) },
  };
}

export default async function FilmsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = parseBrowseParams(await searchParams);
  const [result, genres] = await Promise.all([browseFilms(params), listGenres()]);
  const described = describe(params);
  const first = (result.page - 1) * 24 + 1;
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">{described ? `Films: ${described}` : "Browse films"}</h1>
      <BrowseFilters params={params} genres={genres} />
      <p role="status" className="text-sm text-[var(--color-muted)]">
        {result.total === 0
          ? "No films match."
          : result.films.length === 0
            ? `Page ${result.page} is past the end: there ${result.pageCount === 1 ? "is 1 page" : `are ${result.pageCount} pages`}.`
            : `Showing ${first}–${first + result.films.length - 1} of ${result.total} ${result.total === 1 ? "film" : "films"}.`}
      </p>
      {result.films.length > 0 ? (
        <FilmGrid films={result.films} label="Films" headingLevel={2} />
      ) : result.total === 0 ? (
        <div className="space-y-2">
          <p>Try fewer words, another spelling, or clear the filters.</p>
          <Link href="/films" className="text-[var(--color-accent)] hover:underline">
            Clear search and filters
          </Link>
        </div>
      ) : (
        <Link href={browseHref(params, { page: result.pageCount })} className="text-[var(--color-accent)] hover:underline">
          Go to the last page
        </Link>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => browseHref(params, { page })}
        label="Film result pages"
      />
    </div>
  );
}
