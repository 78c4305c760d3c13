"use server";

import { defineAction } from "@/lib/forms/define-action";
import { handOverImportedMember, importWordPressUpload } from "@/lib/imports/admin";
import { describeSummary, handOverSchema, wordPressUploadSchema } from "@/lib/imports/schema";

/** An admin uploads a WordPress export; the form shows the import's summary. */
export const importWordPressAction = defineAction({
  requires: "admin",
  schema: wordPressUploadSchema,
  files: ["file"],
  run: (actor, input) => importWordPressUpload(actor, input),
  message: "The import is done.",
  data: (value) => ({ lines: describeSummary(value.summary) }),
});

/** An admin hands an imported member's reviews, ratings and comments to a member who signs in. */
export const handOverAction = defineAction({
  requires: "admin",
  schema: handOverSchema,
  run: (actor, input) => handOverImportedMember(actor, input),
  message: (value) =>
    `@${value.from}'s ${value.reviews} ${value.reviews === 1 ? "review" : "reviews"}, ${value.ratings} ${value.ratings === 1 ? "rating" : "ratings"} and ${value.comments} ${value.comments === 1 ? "comment" : "comments"} are now @${value.to}'s.`,
});
