import { buttonClass } from "@/components/ui/button";

const ROLE_NOTES = {
  member: "member: rates, reviews and comments",
  moderator: "moderator: also removes comments and suspends members",
  admin: "admin: also grants roles",
} as const;

/**
 * Development only: one-click sign-in as each seeded demo member. Each button
 * posts to /signin/dev, which creates a real database session.
 */
export function DemoAccounts({
  members,
  callbackUrl,
}: {
  members: readonly { handle: string; name: string; role: keyof typeof ROLE_NOTES }[];
  callbackUrl?: string;
}) {
  return (
    <ul className="max-w-xl space-y-3">
      {members.map((member) => (
        <li key={member.handle}>
          <form method="post" action="/signin/dev" className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="handle" value={member.handle} />
            {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
            <button type="submit" className={buttonClass("primary")}>
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
