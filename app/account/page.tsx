import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProfileForm } from "@/components/account/profile-form";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { ProviderMark } from "@/components/auth/provider-mark";
import { signInWithProvider, signOutAction } from "@/app/signin/actions";
import { getProfile, listLinkedAccounts } from "@/lib/account/profile";
import { getCurrentUser } from "@/lib/auth";
import { configuredProviders, providerName } from "@/lib/auth/provider-info";
import { signOutEverywhereAction, updateProfileAction } from "./actions";
import { PerRequest } from "@/components/ui/per-request";
import { suspensionDetails } from "@/lib/policy";
import { listHiddenReviewsOf } from "@/lib/reviews/queries";
import { exactTime } from "@/components/comments/format-time";

export const metadata: Metadata = {
  title: "Your account",
  robots: { index: false },
};

const linkedDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

const secondaryButton =
  "rounded border border-[var(--color-line)] bg-[var(--color-card)] px-4 py-2 font-medium hover:border-[var(--color-ink)]";

async function AccountPageContent() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/account");
  const [profile, linked, hidden] = await Promise.all([
    getProfile(user.id),
    listLinkedAccounts(user.id),
    listHiddenReviewsOf(user.id),
  ]);
  if (!profile) redirect("/signin?callbackUrl=/account");
  const linkedProviders = new Set(linked.map((a) => a.provider));
  const providers = configuredProviders();

  return (
    <div className="max-w-3xl space-y-10">
      <div className="space-y-2">
        <h1 className="font-serif text-4xl font-bold">Your account</h1>
        <p className="text-[var(--color-muted)]">
          Signed in as {user.name} (@{user.handle}).{" "}
          <Link href={`/members/${user.handle}`} className="text-[var(--color-accent)] underline">
            See your public profile
          </Link>
          .
        </p>
        {user.suspended ? (
          <p role="status" className="rounded border-l-4 border-[var(--color-accent)] bg-[var(--color-card)] p-3">
            A moderator has suspended you from posting. You can still read and manage your account.
            {suspensionDetails(user)}
          </p>
        ) : null}
      </div>

      {hidden.length > 0 ? (
        <section aria-labelledby="hidden-heading" className="space-y-3">
          <h2 id="hidden-heading" className="font-serif text-2xl font-semibold">
            Hidden reviews
          </h2>
          <p className="text-[var(--color-muted)]">
            A moderator has hidden these reviews from other readers. You can still open, edit or delete them.
          </p>
          <ul className="space-y-2">
            {hidden.map((review) => (
              <li key={review.id} className="rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3">
                <Link href={`/reviews/${review.id}`} className="font-medium text-[var(--color-accent)] underline">
                  {review.film.title}
                  {review.film.year ? ` (${review.film.year})` : ""}
                </Link>
                <p className="text-sm [overflow-wrap:anywhere]">
                  Hidden
                  {review.hiddenAt ? (
                    <>
                      {" "}
                      <time dateTime={review.hiddenAt.toISOString()}>{exactTime(review.hiddenAt)}</time>
                    </>
                  ) : null}
                  {review.reason ? <>, giving this reason: “{review.reason}”</> : null}.
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="profile-heading" className="space-y-4">
        <h2 id="profile-heading" className="font-serif text-2xl font-semibold">
          Profile
        </h2>
        <ProfileForm action={updateProfileAction} initial={profile} />
      </section>

      <section aria-labelledby="linked-heading" className="space-y-4">
        <h2 id="linked-heading" className="font-serif text-2xl font-semibold">
          Linked accounts
        </h2>
        <p className="text-[var(--color-muted)]">
          You can sign in with any of these. Your comments show which one you used.
        </p>
        <ul aria-label="Your linked accounts" className="space-y-2">
          {linked.map((account, index) => (
            <li key={`${account.provider}-${index}`} className="flex items-center gap-3">
              <ProviderMark provider={account.provider} />
              <span className="font-medium">{providerName(account.provider)}</span>
              <span className="text-sm text-[var(--color-muted)]">
                linked on <time dateTime={account.linkedAt.toISOString()}>{linkedDate.format(account.linkedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
        <h3 className="font-serif text-xl font-semibold">Link another account</h3>
        {providers.length > 0 ? (
          <>
            <p className="text-[var(--color-muted)]">
              You go to the provider and come straight back here. An account already linked to another member cannot be
              linked to you.
            </p>
            <ProviderButtons
              action={signInWithProvider}
              providers={providers}
              callbackUrl="/account"
              labelFor={(p) =>
                linkedProviders.has(p.id) ? `Link another ${p.name} account` : `Link your ${p.name} account`
              }
            />
          </>
        ) : (
          <p>No sign-in provider is configured on this server, so there is nothing to link yet.</p>
        )}
      </section>

      <section aria-labelledby="notifications-heading" className="space-y-4">
        <h2 id="notifications-heading" className="font-serif text-2xl font-semibold">
          Notifications
        </h2>
        <p>
          <Link href="/notifications" className="text-[var(--color-accent)] underline">
            Read your notifications
          </Link>{" "}
          or{" "}
          <Link href="/account/notifications" className="text-[var(--color-accent)] underline">
            choose which ones reach you in the app and by e-mail
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="data-heading" className="space-y-4">
        <h2 id="data-heading" className="font-serif text-2xl font-semibold">
          Your data
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <Link href="/account/import" className="text-[var(--color-accent)] underline">
              Import from Letterboxd
            </Link>
            : your ratings, reviews, diary and watchlist, checked before anything is saved.
          </li>
          <li>
            <a href="/account/export" className="text-[var(--color-accent)] underline">
              Download your data (JSON)
            </a>{" "}
            or{" "}
            <a href="/account/export?format=ratings.csv" className="text-[var(--color-accent)] underline">
              just your ratings (CSV)
            </a>
            .
          </li>
          <li>
            <Link href="/account/delete" className="text-[var(--color-accent)] underline">
              Delete your account
            </Link>
            , keeping your reviews and comments under “a former member” if you wish.
          </li>
        </ul>
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-4">
        <h2 id="sessions-heading" className="font-serif text-2xl font-semibold">
          Signing out
        </h2>
        <div className="flex flex-wrap gap-6">
          <form action={signOutAction} className="space-y-2">
            <button type="submit" className={secondaryButton}>
              Sign out
            </button>
            <p className="text-sm text-[var(--color-muted)]">Ends this session only.</p>
          </form>
          <form action={signOutEverywhereAction} className="space-y-2">
            <button type="submit" className={secondaryButton}>
              Sign out everywhere
            </button>
            <p className="text-sm text-[var(--color-muted)]">Ends every session you have, on every device.</p>
          </form>
        </div>
      </section>
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function AccountPage() {
  return (
    <PerRequest what="your account">
      <AccountPageContent />
    </PerRequest>
  );
}
