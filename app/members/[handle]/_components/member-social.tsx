import Link from "next/link";
import { FollowButton } from "@/components/follows/follow-button";
import type { FollowCounts } from "@/lib/follows/queries";
import type { MemberProfile } from "@/lib/members/queries";
import { pluralize } from "@/lib/text";
import { followAction } from "../actions";

/** The follower and following counts in a member's header, linking to both lists, and the reader's Follow button. */
export function MemberSocial({ member, counts }: { member: MemberProfile; counts: FollowCounts }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {/* Not prefetched: the lists change with the very button beside them, and a prefetch
          made before a follow would show the list as it was. */}
      <Link href={`/members/${member.handle}/followers`} prefetch={false} className="hover:underline">
        {pluralize(counts.followers, "follower")}
      </Link>
      <Link href={`/members/${member.handle}/following`} prefetch={false} className="hover:underline">
        {counts.following.toLocaleString("en-GB")} following
      </Link>
      <FollowButton handle={member.handle} name={member.name} action={followAction} />
    </div>
  );
}
