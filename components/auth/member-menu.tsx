"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useViewer, useViewerActions } from "@/components/viewer/viewer-context";
import type { FormAction } from "@/lib/forms/action-state";
import { mayOpenAdmin, mayOpenModeration } from "@/lib/policy";

const itemClass = "block w-full rounded px-3 py-1.5 text-left hover:bg-[var(--color-paper)]";

/**
 * A signed-in member's menu (a plain <details>): their account, profile,
 * moderation or admin pages, and sign out. Anyone else, and everyone until
 * the viewer payload arrives, sees `visitor`.
 */
export function MemberMenu({ signOut, visitor }: { signOut: FormAction; visitor: ReactNode }) {
  const user = useViewer()?.member;
  const { signOut: forget } = useViewerActions();
  if (!user) return visitor;
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
        <span className="max-w-[8rem] truncate font-medium">{user.name}</span>
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
        <form
          action={async (form) => {
            // The menu turns into the visitor's at once; the action ends the session and moves on.
            forget();
            await signOut(form);
          }}
        >
          <button type="submit" className={itemClass}>
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
