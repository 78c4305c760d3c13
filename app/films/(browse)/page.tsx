import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FilmGrid } from "@/components/films/film-card";
import { BrowseFilters } from "@/components/films/browse-filters";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { browseHref, parseBrowseParams, withKnownGenre, type BrowseParams } from "@/lib/films/browse-params";
import { readBrowse, readGenres, readPeopleMatches } from "@/lib/cache/reads";
import { pluralize } from "@/lib/text";
import { watchlistAction } from "../[slug]/actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function describe(params: BrowseParams): string {
  const parts: string[] = [];
  if (params.q) parts.push(`“${params.q}”`);
  if (params.genre) parts.push(params.genre);
  if (params.decade) parts.push(`${params.decade}s`);
  return parts.join(", ");
}

async function readParams(searchParams: SearchParams) {
  return withKnownGenre(parseBrowseParams(await searchParams), await readGenres());
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { params } = await readParams(searchParams);
  const described = describe(params);
  return {
    title: described ? `Films: ${described}` : "Browse films",
    description: "Search the catalogue by title or person, filter by genre and decade, and sort by rating.",
    alternates: { canonical: browseHref(params) },
  };
}

/** Rendered for each request from cached reads: its query string has too many forms to keep a page for each. */
export default async function FilmsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const [{ params, unknownGenre }, genres] = await Promise.all([readParams(searchParams), readGenres()]);
  const [result, people] = await Promise.all([
    readBrowse(params),
    params.q && params.page === 1 ? readPeopleMatches(params.q) : Promise.resolve([]),
  ]);
  const described = describe(params);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">{described ? `Films: ${described}` : "Browse films"}</h1>
      <BrowseFilters params={params} genres={genres} />
      {unknownGenre ? (
        <p role="note" className="text-sm">
          There is no genre “{unknownGenre}” in the catalogue, so films of every genre are shown.
        </p>
      ) : null}
      {people.length ? (
        <section aria-labelledby="people-heading" className="space-y-2">
          <h2 id="people-heading" className="font-serif text-xl font-semibold">
            People
          </h2>
          <ul className="flex flex-wrap gap-2">
            {people.map((person) => (
              <li key={person.slug}>
                <Link
                  href={`/people/${person.slug}`}
                  className="inline-block rounded-full border border-[var(--color-line)] px-3 py-1 text-sm hover:border-[var(--color-accent)]"
                >
                  <span className="font-medium">{person.name}</span>{" "}
                  <span className="text-[var(--color-muted)]">· {pluralize(person.films, "film")}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <PageStatus
        page={result}
        noun={["film", "films"]}
        empty="No films match."
        hrefFor={(page) => browseHref(params, { page })}
      />
      {result.items.length > 0 ? (
        <FilmGrid films={result.items} label="Films" headingLevel={2} watchlist={watchlistAction} />
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
