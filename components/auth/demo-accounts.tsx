import { demoMembers } from "@/db/seed/demo";

const ROLE_NOTES = {
  member: "member: rates, reviews and comments",
  moderator: "moderator: also removes comments and suspends members",
  admin: "admin: also grants roles",
} as const;

/**
 * Development only: one-click sign-in as each seeded demo member. Each button
 * posts to /signin/dev, which creates a real database session.
 */
export function DemoAccounts({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <ul className="max-w-xl space-y-3">
      {demoMembers.map((member) => (
        <li key={member.handle}>
          <form method="post" action="/signin/dev" className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="handle" value={member.handle} />
            {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
            <button
              type="submit"
              className="rounded bg-[var(--color-accent)] px-3 py-1.5 font-medium text-[var(--color-accent-ink)]"
            >
              Sign in as {member.name}
            </button>
            <span className="text-sm text-[var(--color-muted)]">
              @{member.handle}, {ROLE_NOTES[member.role]}
            </span>
          </form>
        </li>
      ))}
    </ul>
  );
}
