import type { Metadata } from "next";
import Link from "next/link";
import { FilmGrid } from "@/components/films/film-card";
import { BrowseFilters } from "@/components/films/browse-filters";
import { PageStatus, Pagination } from "@/components/ui/pagination";
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
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">{described ? `Films: ${described}` : "Browse films"}</h1>
      <BrowseFilters params={params} genres={genres} />
      <PageStatus
        page={result}
        noun={["film", "films"]}
        empty="No films match."
        hrefFor={(page) => browseHref(params, { page })}
      />
      {result.items.length > 0 ? (
        <FilmGrid films={result.items} label="Films" headingLevel={2} />
      ) : result.total === 0 ? (
        <div className="space-y-2">
          <p>Try fewer words, another spelling, or clear the filters.</p>
          <Link href="/films" className="text-[var(--color-accent)] hover:underline">
            Clear search and filters
          </Link>
        </div>
      ) : null}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => browseHref(params, { page })}
        label="Film result pages"
      />
    </div>
  );
}
