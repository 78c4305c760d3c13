"use server";

import { defineAction } from "@/lib/forms/define-action";
import { changeMemberRole } from "@/lib/moderation/members";
import { roleChangeSchema } from "@/lib/moderation/schema";

const article = (role: string) => (role === "admin" ? "an" : "a");

/** An admin changes a member's role; the form shows the role now held. */
export const changeRoleAction = defineAction({
  requires: "admin",
  words: { forbidden: "Only admins can change roles.", signedOut: "Your session has ended. Sign in again." },
  schema: roleChangeSchema,
  invalidMessage: "That change is not valid.",
  run: changeMemberRole,
  message: (value) =>
    value.changed.length > 0
      ? `@${value.handle} is now ${article(value.to)} ${value.to}.`
      : `@${value.handle} was already ${article(value.to)} ${value.to}.`,
  data: (value) => ({ role: value.to }),
});
