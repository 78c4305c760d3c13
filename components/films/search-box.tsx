import { buttonClass } from "@/components/ui/button";
import { SearchSuggestInput } from "./search-suggest-input";
/**
 * The site search: a plain GET form to the results page, so it works before any
 * JavaScript; once loaded, its box suggests films and people as you type.
 */
export function SearchBox({
  defaultValue = "",
  id = "site-search",
  label = "Site search",
}: {
  defaultValue?: string;
  id?: string;
  /** Names the search landmark; each one on a page needs its own. */
  label?: string;
}) {
  return (
    <form
      action="/films"
      method="get"
      role="search"
      aria-label={label}
      className="flex w-full items-center gap-2 sm:w-auto"
    >
      <label htmlFor={id} className="sr-only">
        Search films and people
      </label>
      <SearchSuggestInput
        id={id}
        name="q"
        defaultValue={defaultValue}
        placeholder="Search films and people"
        className="w-full min-w-0 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1 text-sm sm:w-64"
      />
      <button type="submit" className={buttonClass("primary", "small")}>
        Search
      </button>
    </form>
  );
}
