"use server";

import { deleteDiaryEntrySchema } from "@/lib/diary/schema";
import { deleteDiaryEntry } from "@/lib/diary/write";
import { defineAction } from "@/lib/forms/define-action";

/**
 * Deletes one of the member's own diary entries, then opens their diary. A
 * suspended member may still tidy their own diary: deleting posts nothing.
 */
export const deleteDiaryEntryAction = defineAction({
  requires: "member",
  words: { signedOut: "Sign in to change your diary." },
  schema: deleteDiaryEntrySchema,
  run: deleteDiaryEntry,
  message: "The entry is deleted.",
  redirectTo: (value) => `/members/${value.ownerHandle}/diary`,
});
