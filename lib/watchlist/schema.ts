import { z } from "zod";

/**
 * The watchlist forms, shared by the browser and the server actions. No
 * server imports here.
 */

/** Films on one page of a member's watchlist. */
export const WATCHLIST_PAGE_SIZE = 48;

/** Add a film to your watchlist (`want=1`) or take it off (`want=0`); either is safe to send twice. */
export const watchlistFormSchema = z.object({
  /** The film's slug: the poster grid's cards know films by slug. */
  film: z
    .string({ error: "That film is not in the catalogue." })
    .trim()
    .min(1, "That film is not in the catalogue.")
    .max(200, "That film is not in the catalogue."),
  // The action hands the domain write its parsed input, which parses the same again.
  want: z.union([z.boolean(), z.enum(["0", "1"]).transform((value) => value === "1")], {
    error: "Choose add or remove.",
  }),
});
export type WatchlistFormInput = z.input<typeof watchlistFormSchema>;
