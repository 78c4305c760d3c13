import type { Metadata } from "next";
import Link from "next/link";
import { signInWithProvider } from "./actions";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { demoMembers } from "@/lib/auth/demo";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { getCurrentUser } from "@/lib/auth";
import { configuredProviders } from "@/lib/auth/provider-info";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to Marquee to rate films, write reviews and join the conversation.",
  robots: { index: false },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function SignInPageContent({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = first(params.callbackUrl);
  const error = signInErrorMessage(first(params.error));
  const [user, providers] = [await getCurrentUser(), configuredProviders()];
  const development = process.env.NODE_ENV === "development";

  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="font-serif text-4xl font-bold">Sign in to Marquee</h1>

      {error ? (
        <div role="alert" className="rounded border-l-4 border-[var(--color-accent)] bg-[var(--color-card)] p-4">
          <p className="font-semibold">We could not sign you in.</p>
          <p>{error}</p>
        </div>
      ) : null}

      {user ? (
        <section aria-labelledby="signed-in-heading" className="space-y-2">
          <h2 id="signed-in-heading" className="font-serif text-2xl font-semibold">
            You are signed in
          </h2>
          <p>
            You are signed in as {user.name} (@{user.handle}). Link another account or sign out from{" "}
            <Link href="/account" className="text-[var(--color-accent)] underline">
              your account page
            </Link>
            .
          </p>
        </section>
      ) : (
        <section aria-labelledby="providers-heading" className="space-y-4">
          <h2 id="providers-heading" className="font-serif text-2xl font-semibold">
            Choose how to sign in
          </h2>
          {providers.length > 0 ? (
            <>
              <p className="text-[var(--color-muted)]">
                Use an account you already have. The first time, we make you a Marquee profile from its name; you can
                change your display name and handle afterwards.
              </p>
              <ProviderButtons action={signInWithProvider} providers={providers} callbackUrl={callbackUrl} />
            </>
          ) : (
            <p>
              No sign-in provider is configured on this server yet. An administrator enables Google, Twitter/X or
              Facebook by setting their client id and secret (AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET, for example).
            </p>
          )}
        </section>
      )}

      {development && !user ? (
        <section id="demo-accounts" aria-labelledby="demo-heading" className="space-y-4">
          <h2 id="demo-heading" className="font-serif text-2xl font-semibold">
            Demo accounts (development only)
          </h2>
          <p className="text-[var(--color-muted)]">
            This server runs in development, so you can sign in as a seeded demo member in one click. A production build
            has no such sign-in.
          </p>
          <DemoAccounts members={demoMembers} callbackUrl={callbackUrl} />
        </section>
      ) : null}
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <PerRequest what="the sign-in page">
      <SignInPageContent searchParams={searchParams} />
    </PerRequest>
  );
}
