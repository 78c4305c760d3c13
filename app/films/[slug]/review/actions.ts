"use server";

import { defineAction } from "@/lib/forms/define-action";
import { deleteReviewSchema, saveReviewSchema } from "@/lib/reviews/schema";
import { deleteReview, saveReview } from "@/lib/reviews/write";

/**
 * Saves the signed-in member's review of the film in the form's `film` field,
 * as a draft or published, by the button pressed (`intent`). The author is
 * the session's member; any author or status field sent is ignored. A publish
 * goes to the review's page; a draft stays on the form.
 */
export const saveReviewAction = defineAction({
  requires: "poster",
  schema: saveReviewSchema,
  invalidMessage: "The review is not saved yet: please fix the fields marked below.",
  run: saveReview,
  message: (value) => value.message,
  redirectTo: (value) =>
    value.intent === "publish" && value.status === "published" ? `/reviews/${value.reviewId}` : null,
});

/** Deletes the signed-in member's review and goes back to the film. */
export const deleteReviewAction = defineAction({
  requires: "poster",
  schema: deleteReviewSchema,
  run: deleteReview,
  message: "Your review is deleted. Your rating of the film is kept.",
  redirectTo: (value) => `/films/${value.filmSlug}`,
});
