"use server";

import { defineAction } from "@/lib/forms/define-action";
import { markAllReadSchema, markReadSchema } from "@/lib/notifications/schema";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/write";

const WORDS = { signedOut: "Sign in to see your notifications." };

export const markReadAction = defineAction({
  requires: "member",
  words: WORDS,
  schema: markReadSchema,
  run: markNotificationRead,
  message: "Marked as read.",
});

export const markAllReadAction = defineAction({
  requires: "member",
  words: WORDS,
  schema: markAllReadSchema,
  run: markAllNotificationsRead,
  message: (value) =>
    value.marked === 1 ? "1 notification marked as read." : `${value.marked} notifications marked as read.`,
});
