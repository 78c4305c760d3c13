/** What a refused sign-in says, whether or not the account's email belongs to someone. */
export const NOT_SIGNED_IN_HERE =
  "That account could not sign you in here. If you already have a Marquee account, sign in the way you did " +
  "before and link this one from your account page. If you cancelled at the provider, you can simply try again.";

/**
 * Auth.js sends a sign-in whose email (or provider account) belongs to another
 * member to `?error=OAuthAccountNotLinked`, a code it uses for nothing else:
 * the address bar alone would tell a stranger that the address is registered.
 * This wraps its route handlers so that redirect says AccessDenied instead,
 * the same as any refused sign-in.
 */
export function hideAccountNotLinked<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    const response = await handler(...args);
    const location = response.headers.get("location");
    if (!location?.includes("error=OAuthAccountNotLinked")) return response;
    const headers = new Headers(response.headers);
    headers.set("location", location.replace("error=OAuthAccountNotLinked", "error=AccessDenied"));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/**
 * What went wrong with a sign-in, in plain words, for Auth.js's `?error=` codes.
 * Unknown codes get the general message; no code means nothing went wrong.
 */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    // One sentence for both, and the callback says AccessDenied for both (see hideAccountNotLinked):
    // saying "this email belongs to a member" would tell a stranger who is registered.
    case "OAuthAccountNotLinked":
    case "AccessDenied":
      return NOT_SIGNED_IN_HERE;
    case "OAuthCallbackError":
      return "The provider did not finish signing you in: it may have been cancelled or have timed out. Please try again.";
    case "Configuration":
      return (
        "Sign-in could not be completed: the provider could not be reached or the sign-in was not valid. " +
        "Please try again in a moment, or choose another provider."
      );
    case "RateLimited":
      return "Too many sign-in attempts came from your address just now. Wait a minute, then try again.";
    default:
      return "Sign-in did not complete. Please try again, or choose another provider.";
  }
}
