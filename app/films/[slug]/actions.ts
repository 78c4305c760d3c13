"use server";

import { defineAction } from "@/lib/forms/define-action";
import { ratingFormSchema } from "@/lib/ratings/schema";
import { submitRating } from "@/lib/ratings/write";
import { logViewingSchema } from "@/lib/diary/schema";
import { logViewing } from "@/lib/diary/write";
import { watchlistFormSchema } from "@/lib/watchlist/schema";
import { setWatchlist } from "@/lib/watchlist/write";

/**
 * Rates the film named by the form's `film` field for the signed-in member,
 * or clears their rating (`intent=clear`). Visitors and suspended members are
 * refused whatever the form says.
 */
export const rateFilmAction = defineAction({
  requires: "poster",
  schema: ratingFormSchema,
  run: submitRating,
  message: (value) => value.message,
});

const DIARY_WORDS = {
  signedOut: "Sign in to keep a watchlist and a diary of what you watch.",
  suspended:
    "Your account is suspended, so you cannot change your watchlist or diary for now. You can still read everything.",
};

/** Adds the film to the member's watchlist (`want=1`) or takes it off (`want=0`); sending either twice changes nothing more. */
export const watchlistAction = defineAction({
  requires: "poster",
  words: DIARY_WORDS,
  schema: watchlistFormSchema,
  run: setWatchlist,
  message: (value) => value.message,
  data: (value) => ({ onWatchlist: value.onWatchlist }),
});

/** Logs a viewing in the member's diary, then opens their diary. */
export const logViewingAction = defineAction({
  requires: "poster",
  words: DIARY_WORDS,
  schema: logViewingSchema,
  invalidMessage: "The viewing is not logged yet: please fix the fields marked below.",
  run: logViewing,
  message: (value) => value.message,
  redirectTo: (value) => `/members/${value.ownerHandle}/diary`,
});
