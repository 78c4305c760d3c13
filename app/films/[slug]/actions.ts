"use server";

import { defineAction } from "@/lib/forms/define-action";
import { ratingFormSchema } from "@/lib/ratings/schema";
import { submitRating } from "@/lib/ratings/write";

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
