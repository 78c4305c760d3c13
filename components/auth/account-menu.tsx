import Link from "next/link";
import { getCurrentUser } from "@/lib/auth";
import type { FormAction } from "@/lib/forms/action-state";
import { mayOpenAdmin, mayOpenModeration } from "@/lib/policy";
import { configuredProviders } from "@/lib/auth/provider-info";
import { ProviderButtons } from "./provider-buttons";

const itemClass = "block w-full rounded px-3 py-1.5 text-left hover:bg-[var(--color-paper)]";

/**
 * The header's right side. Visitors: a "Sign in" link and a button per
 * configured provider. Members: a menu (a plain <details>, so no JavaScript)
 * with their account, profile, moderation or admin pages, and sign out.
 */
export async function AccountMenu({ signIn, signOut }: { signIn: FormAction; signOut: FormAction }) {
  const user = await getCurrentUser();
  if (!user) {
    const providers = configuredProviders();
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href="/signin" className="font-medium text-[var(--color-accent)] hover:underline">
          Sign in
        </Link>
        {providers.length > 0 ? (
          <ProviderButtons
            action={signIn}
            providers={providers}
            size="small"
            labelFor={(p) => p.name}
            hiddenPrefix="Sign in with"
          />
        ) : null}
      </div>
    );
  }

  const initial = (user.name.trim()[0] ?? user.handle[0] ?? "?").toUpperCase();
  return (
    <details className="relative text-sm">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded px-2 py-1 hover:bg-[var(--color-card)]">
        <span
          aria-hidden="true"
          className="flex h-7 w-7 items-center justify-center rounded-full bg-[var(--color-accent)] font-semibold text-[var(--color-accent-ink)]"
        >
          {initial}
        </span>
        <span className="font-medium">{user.name}</span>
        <span className="sr-only">: account menu</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-1 shadow-lg">
        <p className="px-3 py-1.5 text-[var(--color-muted)]">
          Signed in as @{user.handle}
          {user.suspended ? " (suspended from posting)" : ""}
        </p>
        <nav aria-label="Account">
          <ul>
            <li>
              <Link href="/account" className={itemClass}>
                Your account
              </Link>
            </li>
            <li>
              <Link href={`/members/${user.handle}`} className={itemClass}>
                Your profile
              </Link>
            </li>
            {mayOpenModeration(user) ? (
              <li>
                <Link href="/moderation" className={itemClass}>
                  Moderation
                </Link>
              </li>
            ) : null}
            {mayOpenAdmin(user) ? (
              <li>
                <Link href="/admin" className={itemClass}>
                  Admin
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <form action={signOut}>
          <button type="submit" className={itemClass}>
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
