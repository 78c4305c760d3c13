import "server-only";
import { searchPeople, suggestFilms } from "@/lib/films/queries";
import { SUGGEST_FILMS, SUGGEST_MIN_QUERY, SUGGEST_PEOPLE, suggestQuery, type Suggestions } from "./schema";

/**
 * The films and people the header suggests for what has been typed so far:
 * two bounded, indexed queries (films_search_idx, people_search_idx), none
 * for a query shorter than SUGGEST_MIN_QUERY.
 */
export async function suggest(raw: string | null | undefined): Promise<Suggestions> {
  const q = suggestQuery(raw);
  if (q.length < SUGGEST_MIN_QUERY) return { films: [], people: [] };
  const [films, people] = await Promise.all([suggestFilms(q, SUGGEST_FILMS), searchPeople(q, SUGGEST_PEOPLE)]);
  return { films, people };
}
