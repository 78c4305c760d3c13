"use server";

import { defineAction } from "@/lib/forms/define-action";
import { confirmLetterboxdImport, previewLetterboxdImport } from "@/lib/letterboxd/import";
import { confirmImportSchema, uploadImportSchema } from "@/lib/letterboxd/schema";

const words = {
  signedOut: "Your session has ended. Sign in again to import.",
  suspended: "Your account is suspended, so you cannot import ratings or reviews for now.",
};

/** Reads an uploaded Letterboxd export and opens its preview; nothing is saved yet. */
export const uploadLetterboxdAction = defineAction({
  requires: "poster",
  words,
  schema: uploadImportSchema,
  files: ["files"],
  invalidMessage: "Check the file you chose.",
  run: (actor, input) => previewLetterboxdImport(actor, input),
  message: "Your export is read. Check the preview below.",
  redirectTo: (value) => `/account/import/${value.importId}`,
});

/** Saves a preview the member checked, with their choices for each near or unmatched film. */
export const confirmLetterboxdAction = defineAction({
  requires: "poster",
  words,
  schema: confirmImportSchema,
  run: (actor, input) => confirmLetterboxdImport(actor, input),
  message: "Your import is saved.",
  redirectTo: (value) => `/account/import/${value.importId}`,
});
