"use server";

import { defineAction } from "@/lib/forms/define-action";
import { unsubscribeSchema } from "@/lib/notifications/schema";
import { unsubscribeFromReplies } from "@/lib/notifications/write";

/** The confirm button of /unsubscribe: the token, not a session, says whose e-mail stops. */
export const unsubscribeAction = defineAction({
  requires: "visitor",
  schema: unsubscribeSchema,
  run: (_actor, input) => unsubscribeFromReplies(input),
  message:
    "Done: you will no longer get e-mail about replies to your comments. You can turn it on again in your notification settings.",
});
