"use server";

import { defineAction } from "@/lib/forms/define-action";
import { endSession, signInSchema, signOutSchema, startSignIn } from "@/lib/auth/sign-in";

/** Starts signing in (or linking an account) with a provider: sends the browser to the provider. */
export const signInWithProvider = defineAction({
  requires: "visitor",
  schema: signInSchema,
  run: (_actor, input) => startSignIn(input),
  message: "",
  redirectTo: (value) => value.url,
});

/** Ends this session and goes back to the page it was on (or home). */
export const signOutAction = defineAction({
  requires: "visitor",
  schema: signOutSchema,
  run: (_actor, input) => endSession(input),
  message: "You are signed out.",
});
