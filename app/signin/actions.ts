"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/config";
import { configuredProviders } from "@/lib/auth/provider-info";

/** The error codes Auth.js itself lets a browser see; anything else is "Configuration". */
const CLIENT_SAFE_ERRORS = new Set(["OAuthAccountNotLinked", "OAuthCallbackError", "AccessDenied", "MissingCSRF"]);

/**
 * Starts signing in (or, for a signed-in member, linking) with a provider:
 * sends the browser to the provider. A provider that cannot be reached ends
 * on the sign-in page with a plain explanation, never an error page.
 */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  const callbackUrl = formData.get("callbackUrl");
  if (typeof provider !== "string" || !configuredProviders().some((p) => p.id === provider)) {
    redirect("/signin");
  }
  let destination: string;
  try {
    destination = await signIn(provider, {
      redirect: false,
      ...(typeof callbackUrl === "string" && callbackUrl ? { redirectTo: callbackUrl } : {}),
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = CLIENT_SAFE_ERRORS.has(error.type) ? error.type : "Configuration";
    destination = `/signin?error=${code}`;
  }
  redirect(destination);
}

/** Ends this session (its row is deleted) and goes home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
