"use server";

import { defineAction } from "@/lib/forms/define-action";
import { addBlockedTerm, BLOCKLIST_WORDS, removeBlockedTerm } from "@/lib/moderation/blocklist";
import { blockedTermIdSchema, blockedTermSchema } from "@/lib/moderation/schema";

export const addBlockedTermAction = defineAction({
  requires: "admin",
  words: BLOCKLIST_WORDS,
  schema: blockedTermSchema,
  run: addBlockedTerm,
  message: (value) => `“${value.term}” is on the blocklist. New comments containing it wait for a moderator.`,
});

export const removeBlockedTermAction = defineAction({
  requires: "admin",
  words: BLOCKLIST_WORDS,
  schema: blockedTermIdSchema,
  run: removeBlockedTerm,
  message: (value) => `“${value.term}” is off the blocklist.`,
});
