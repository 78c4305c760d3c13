import Link from "next/link";
import { ActivityList } from "@/components/activity/activity-list";
import { SuggestedMembers } from "@/components/follows/suggested-members";
import type { ActivityCursor } from "@/lib/activity/cursor";
import { listActivity, HOME_ACTIVITY_SIZE, type ActivityPage } from "@/lib/activity/queries";
import type { CurrentUser } from "@/lib/auth";
import { listSuggestedMembers, type FollowMember } from "@/lib/follows/queries";

/**
 * What the people `member` follows did lately, read per request (it is
 * theirs alone): one query for the feed, and a second for suggestions only
 * when the feed is empty.
 */
export async function readFollowingFeed(
  member: CurrentUser,
  after: ActivityCursor | null,
  size: number,
): Promise<{ activity: ActivityPage; suggestions: FollowMember[] }> {
  const activity = await listActivity({ followerId: member.id }, after, size);
  const suggestions = activity.items.length === 0 && after === null ? await listSuggestedMembers(member.id) : [];
  return { activity, suggestions };
}

/** The home page's "From people you follow": the first items and a link to /activity, or suggestions. */
export async function HomeFollowing({ member }: { member: CurrentUser }) {
  const { activity, suggestions } = await readFollowingFeed(member, null, HOME_ACTIVITY_SIZE);
  return (
    <section aria-labelledby="following-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="following-heading" className="font-serif text-2xl font-semibold">
          From people you follow
        </h2>
        {activity.items.length > 0 ? (
          <Link href="/activity" className="text-sm font-medium text-[var(--color-accent)] hover:underline">
            All activity →
          </Link>
        ) : null}
      </div>
      {activity.items.length > 0 ? (
        <ActivityList items={activity.items} label="From people you follow" />
      ) : (
        <SuggestedMembers members={suggestions} />
      )}
    </section>
  );
}
