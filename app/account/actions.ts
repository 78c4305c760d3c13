"use server";

import { revokeAllSessions, updateProfile } from "@/lib/account/profile";
import { profileSchema } from "@/lib/account/profile-schema";
import { signOutEverywhere, signOutSchema } from "@/lib/auth/sign-in";
import { defineAction } from "@/lib/forms/define-action";

const SESSION_ENDED = "Your session has ended. Sign in again to change your profile.";

/** Saves the signed-in member's display name and handle; the form shows the saved (normalised) values. */
export const updateProfileAction = defineAction({
  requires: "member",
  words: { signedOut: SESSION_ENDED },
  schema: profileSchema,
  invalidMessage: "Please fix the highlighted fields.",
  run: updateProfile,
  message: "Your profile is saved.",
  data: (value) => value.profile,
});

/** Deletes every session of the signed-in member (all devices), then this browser's cookie. */
export const signOutEverywhereAction = defineAction({
  requires: "member",
  words: { signedOut: SESSION_ENDED },
  schema: signOutSchema,
  run: async (actor) => {
    const result = await revokeAllSessions(actor);
    if (result.ok) await signOutEverywhere();
    return result;
  },
  message: "You are signed out everywhere.",
});
