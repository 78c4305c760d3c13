/** How long a session lasts, and how often its expiry is pushed forward (seconds). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 3600;
/**
 * However often it is used, a session ends this long after its sign-in
 * (`sessions.created_at`), so a stolen cookie cannot be kept alive for ever.
 */
export const SESSION_ABSOLUTE_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** The earliest sign-in whose session still counts at `now`. */
export function earliestLiveSignIn(now: Date = new Date()): Date {
  return new Date(now.getTime() - SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
}

/**
 * Auth.js's session cookie: `authjs.session-token`, or
 * `__Secure-authjs.session-token` when the site is served over https.
 * HttpOnly so page scripts cannot read it, SameSite=Lax so other sites cannot
 * post with it, and Secure under https.
 */
export function sessionCookie(secure: boolean): {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
} {
  return {
    name: `${secure ? "__Secure-" : ""}authjs.session-token`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure },
  };
}
