/** What the header's search suggests as you type: a few films and a few people. Client-safe. */
export interface FilmSuggestion {
  slug: string;
  title: string;
  year: number | null;
}

export interface PersonSuggestion {
  slug: string;
  name: string;
  /** How many films the catalogue credits them on. */
  films: number;
}

export interface Suggestions {
  films: FilmSuggestion[];
  people: PersonSuggestion[];
}

/** The longest query the suggestions read; anything longer is cut here, on both sides. */
export const SUGGEST_MAX_QUERY = 60;
/** Fewer characters than this suggest nothing: one letter matches half the catalogue. */
export const SUGGEST_MIN_QUERY = 2;
export const SUGGEST_FILMS = 5;
export const SUGGEST_PEOPLE = 3;

/** The query as the suggestions read it: trimmed, inner spaces folded, cut to the cap. */
export function suggestQuery(raw: string | null | undefined): string {
  return (raw ?? "").replace(/\s+/g, " ").trim().slice(0, SUGGEST_MAX_QUERY).trim();
}
