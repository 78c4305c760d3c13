import Link from "next/link";
import type { FollowMember } from "@/lib/follows/queries";
import { MemberRows } from "./member-rows";

/** What an empty feed says: how it fills, and a few members to follow. */
export function SuggestedMembers({ members }: { members: FollowMember[] }) {
  return (
    <div className="space-y-3">
      <p className="text-[var(--color-muted)]">
        Nothing here yet. Follow members from their pages and their ratings, reviews, viewings and lists show up here.
      </p>
      {members.length > 0 ? (
        <>
          <p className="text-sm font-medium">Members who reviewed a film lately:</p>
          <MemberRows members={members} label="Members to follow" />
        </>
      ) : (
        <p className="text-sm">
          <Link href="/members" className="font-medium text-[var(--color-accent)] hover:underline">
            Browse the members who write reviews
          </Link>
        </p>
      )}
    </div>
  );
}
