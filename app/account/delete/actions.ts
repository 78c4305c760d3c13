"use server";

import { deleteAccount } from "@/lib/account/delete";
import { deleteAccountSchema } from "@/lib/account/delete-schema";
import { signOut } from "@/lib/auth/config";
import { defineAction } from "@/lib/forms/define-action";

/** Deletes the signed-in member's account as they chose, then clears this browser's session cookie. */
export const deleteAccountAction = defineAction({
  requires: "member",
  words: { signedOut: "Your session has ended. Sign in again to delete your account." },
  schema: deleteAccountSchema,
  invalidMessage: "Please fix the highlighted fields.",
  run: async (actor, input) => {
    const result = await deleteAccount(actor, input);
    // The session row went with the account; this clears the cookie too.
    if (result.ok) await signOut({ redirect: false });
    return result;
  },
  message: "Your account is deleted.",
  redirectTo: () => "/account/deleted",
});
