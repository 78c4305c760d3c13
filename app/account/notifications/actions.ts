"use server";

import { defineAction } from "@/lib/forms/define-action";
import { notificationSettingsSchema } from "@/lib/notifications/schema";
import { saveNotificationSettings } from "@/lib/notifications/write";

export const saveNotificationSettingsAction = defineAction({
  requires: "member",
  words: { signedOut: "Sign in to change your notification settings." },
  schema: notificationSettingsSchema,
  invalidMessage: "Your settings are not saved yet: please fix the boxes marked below.",
  run: saveNotificationSettings,
  message: "Your notification settings are saved.",
});
