"use server";

import { defineAction } from "@/lib/forms/define-action";
import { followFormSchema } from "@/lib/follows/schema";
import { FOLLOW_WORDS, setFollow } from "@/lib/follows/write";

/** Follow / Unfollow on a member's page: the form names the state it wants, so a repeat is harmless. */
export const followAction = defineAction({
  requires: "poster",
  words: FOLLOW_WORDS,
  schema: followFormSchema,
  run: setFollow,
  message: (value) => value.message,
});
