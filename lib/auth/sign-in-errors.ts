/**
 * What went wrong with a sign-in, in plain words, for Auth.js's `?error=` codes.
 * Unknown codes get the general message; no code means nothing went wrong.
 */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case "OAuthAccountNotLinked":
      return (
        "This email belongs to a member who signed in with another provider; sign in with that one and " +
        "link this account from your account page. (The same happens when the account you chose is " +
        "already linked to another member.)"
      );
    case "AccessDenied":
      return "That account is not allowed to sign in here. If you cancelled at the provider, you can simply try again.";
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
