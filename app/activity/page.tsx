import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readFollowingFeed } from "@/app/_components/following-feed";
import { ActivityList, ActivityPager } from "@/components/activity/activity-list";
import { SuggestedMembers } from "@/components/follows/suggested-members";
import { PerRequest } from "@/components/ui/per-request";
import { decodeCursor } from "@/lib/activity/cursor";
import { ACTIVITY_PAGE_SIZE } from "@/lib/activity/queries";
import { getCurrentUser } from "@/lib/auth";

type Search = Promise<{ after?: string | string[] }>;

export const metadata: Metadata = { title: "From people you follow", robots: { index: false, follow: false } };

/** The signed-in member's feed, read per request and never cached; a visitor is sent to sign in. */
async function YourFeed({ searchParams }: { searchParams: Search }) {
  const raw = (await searchParams).after;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/activity")}`);
  const after = decodeCursor(typeof raw === "string" ? raw : undefined);
  const { activity, suggestions } = await readFollowingFeed(user, after, ACTIVITY_PAGE_SIZE);
  return (
    <>
      {activity.items.length === 0 ? (
        after ? (
          <p role="status" className="text-[var(--color-muted)]">
            There is no older activity.
          </p>
        ) : (
          <SuggestedMembers members={suggestions} />
        )
      ) : null}
      <ActivityList items={activity.items} label="From people you follow" />
      <ActivityPager base="/activity" next={activity.next} paged={after !== null} />
    </>
  );
}

export default function ActivityPage({ searchParams }: { searchParams: Search }) {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">From people you follow</h1>
      <p className="text-[var(--color-muted)]">
        Ratings, reviews, viewings and public lists from the members you follow, newest first.
      </p>
      <PerRequest what="your feed">
        <YourFeed searchParams={searchParams} />
      </PerRequest>
    </div>
  );
}
