import type { CurrentUser } from "@/lib/auth";

/** A member who may post: signed in and not suspended. */
export type Poster = CurrentUser & { suspended: false };

export const SIGN_IN_TO_POST = "Sign in to rate films, write reviews and like them.";
export const SUSPENDED_CANNOT_POST =
  "Your account is suspended, so you cannot rate, review or like for now. You can still read everything.";

/**
 * Why `user` may not post, or null when they may. Every write path asks this
 * on the server, whatever the page showed.
 */
export function postingRefusal(user: CurrentUser | null): string | null {
  if (!user) return SIGN_IN_TO_POST;
  if (user.suspended) return SUSPENDED_CANNOT_POST;
  return null;
}

export function canPost(user: CurrentUser | null): user is Poster {
  return postingRefusal(user) === null;
}
