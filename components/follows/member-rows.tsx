import Link from "next/link";
import type { FollowMember } from "@/lib/follows/queries";

/** Members as links to their pages, with their handles. */
export function MemberRows({ members, label }: { members: FollowMember[]; label: string }) {
  if (members.length === 0) return null;
  return (
    <ul aria-label={label} className="divide-y divide-[var(--color-line)] rounded border border-[var(--color-line)]">
      {members.map((member) => (
        <li key={member.handle} className="flex flex-wrap items-baseline gap-x-2 p-3">
          <Link
            href={`/members/${member.handle}`}
            className="font-medium break-words text-[var(--color-accent)] hover:underline"
          >
            {member.name}
          </Link>
          <span className="text-sm break-all text-[var(--color-muted)]">@{member.handle}</span>
        </li>
      ))}
    </ul>
  );
}
