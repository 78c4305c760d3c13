import type { CurrentUser } from "@/lib/auth";

/**
 * The one stand-in for the session in node tests: tests/support/node-setup.ts
 * points `@/lib/auth`'s getCurrentUser at `session.user`, `next/cache` at
 * `invalidatedTags`, and makes `redirect()` throw `Redirected`.
 */
export const session: { user: CurrentUser | null } = { user: null };

/** Every cache tag the code under test invalidated, in order. */
export const invalidatedTags: string[] = [];

export function signInAs(user: CurrentUser | null): void {
  session.user = user;
}

/** Thrown by the mocked redirect(), so a test can see where an action went. */
export class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}
