import Link from "next/link";
import { SORTS, SORT_LABELS, type BrowseParams } from "@/lib/films/browse-params";
import { buttonClass } from "@/components/ui/button";

const DECADES = Array.from({ length: 11 }, (_, i) => 2020 - i * 10);

const fieldClass = "rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1";

/** Search, genre, decade and sort as one GET form: every choice lands in the URL. */
export function BrowseFilters({ params, genres }: { params: BrowseParams; genres: string[] }) {
  return (
    <form
      action="/films"
      method="get"
      className="flex flex-wrap items-end gap-3 text-sm"
      aria-label="Search and filter films"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="browse-q">Title or person</label>
        <input id="browse-q" name="q" type="search" defaultValue={params.q} maxLength={100} className={fieldClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="browse-genre">Genre</label>
        <select id="browse-genre" name="genre" defaultValue={params.genre ?? ""} className={fieldClass}>
          <option value="">Any genre</option>
          {genres.map((genre) => (
            <option key={genre} value={genre}>
              {genre}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="browse-decade">Decade</label>
        <select
          id="browse-decade"
          name="decade"
          defaultValue={params.decade ? String(params.decade) : ""}
          className={fieldClass}
        >
          <option value="">Any decade</option>
          {DECADES.map((decade) => (
            <option key={decade} value={decade}>
              {decade}s
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="browse-sort">Sort by</label>
        <select id="browse-sort" name="sort" defaultValue={params.sort} className={fieldClass}>
          {SORTS.filter((sort) => sort !== "relevance" || params.q).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        Show films
      </button>
      {params.q || params.genre || params.decade ? (
        <Link href="/films" className="py-1.5 text-[var(--color-accent)] hover:underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
