import "server-only";
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { getPrimaryDb } from "@/db/client";
import { env } from "@/lib/env";
import { consumeIpAllowance } from "@/lib/rate-limit/ip";
import { clientIp } from "@/lib/security/client-ip";
import { z } from "zod";
import type { Tag } from "@/lib/cache/tags";
import { ok, type Result } from "@/lib/result";
import { signIn, signOut } from "./config";
import { configuredProviders } from "./provider-info";
import { localPath } from "./redirect";

/** The error codes Auth.js itself lets a browser see; anything else is "Configuration". */
const CLIENT_SAFE_ERRORS = new Set(["OAuthAccountNotLinked", "OAuthCallbackError", "AccessDenied", "MissingCSRF"]);

/** The sign-in buttons' form: which provider, and where to come back to. */
export const signInSchema = z.object({
  provider: z.string().catch(""),
  callbackUrl: z.string().optional().catch(undefined),
});

/** "Log out": where to land afterwards (a path on this site; home otherwise). */
export const signOutSchema = z.object({ callbackUrl: z.string().optional().catch(undefined) });

/**
 * Where the browser goes to sign in (or, for a signed-in member, to link an
 * account) with `provider`: the provider's own page. An unknown provider goes
 * back to the sign-in page; one that cannot be reached ends there with a plain
 * explanation, never an error page.
 */
export async function startSignIn(
  input: z.output<typeof signInSchema>,
): Promise<Result<{ url: string; changed: Tag[] }>> {
  if (!configuredProviders().some((p) => p.id === input.provider)) return ok({ url: "/signin", changed: [] });
  // The same per-address allowance as POST /api/auth/signin/* (proxy.ts): each start stores sign-in state.
  const address = clientIp({ headers: await headers() }, env().MARQUEE_TRUSTED_PROXIES);
  if (await consumeIpAllowance(await getPrimaryDb(), "sign-in", address)) {
    return ok({ url: "/signin?error=RateLimited", changed: [] });
  }
  try {
    const url = await signIn(input.provider, {
      redirect: false,
      ...(input.callbackUrl ? { redirectTo: input.callbackUrl } : {}),
    });
    return ok({ url, changed: [] });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = CLIENT_SAFE_ERRORS.has(error.type) ? error.type : "Configuration";
    return ok({ url: `/signin?error=${code}`, changed: [] });
  }
}

/** Ends this browser's session (its row is deleted) and goes to `callbackUrl` on this site, or home. */
export async function endSession(input: z.output<typeof signOutSchema>): Promise<Result<{ changed: Tag[] }>> {
  await signOut({ redirectTo: localPath(input.callbackUrl) });
  return ok({ changed: [] });
}

/** After every session row of a member is gone: clears this browser's cookie and goes home. */
export async function signOutEverywhere(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
