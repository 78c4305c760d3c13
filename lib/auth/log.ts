import "server-only";
import type { NextAuthConfig } from "next-auth";
import { logger, securityEvent } from "@/lib/log";

/** Auth.js errors that mean a sign-in was refused or did not finish (its `kind` "signIn", or these types). */
const SIGN_IN_FAILURES = new Set([
  "AccessDenied",
  "OAuthAccountNotLinked",
  "OAuthCallbackError",
  "OAuthProfileParseError",
  "OAuthSignInError",
  "CallbackRouteError",
  "InvalidCheck",
  "Verification",
]);

/**
 * Auth.js's logger, through ours: each error is one JSON line (its type, its
 * message and its cause's, never the profile data, tokens or query
 * parameters its cause may carry), a refused sign-in is the `auth.sign_in`
 * failure event, and a warning is its code alone.
 */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error: Error) {
    const type = (error as { type?: unknown }).type;
    const kind = (error as { kind?: unknown }).kind;
    if ((typeof type === "string" && SIGN_IN_FAILURES.has(type)) || kind === "signIn") {
      securityEvent("auth.sign_in", { actor: null, outcome: "failure", reason: type, err: error });
      return;
    }
    logger.error({ event: "auth.error", err: error }, "Auth.js error");
  },
  warn(code: string) {
    logger.warn({ event: "auth.warning", code }, "Auth.js warning");
  },
  // Auth.js's debug metadata carries tokens and profiles: only its message is kept (debug is off anyway).
  debug(message: string) {
    logger.debug({ event: "auth.debug" }, message);
  },
};
