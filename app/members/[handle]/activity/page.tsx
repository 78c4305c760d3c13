import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityList, ActivityPager } from "@/components/activity/activity-list";
import { MemberTabs } from "@/components/members/member-tabs";
import { PerRequest } from "@/components/ui/per-request";
import { decodeCursor, encodeCursor } from "@/lib/activity/cursor";
import { readMemberActivity } from "@/lib/cache/reads";
import type { MemberProfile } from "@/lib/members/queries";
import { loadMember, memberMetadata, PLACEHOLDER_HANDLE } from "../_components/member-article";

type Params = Promise<{ handle: string }>;
type Search = Promise<{ after?: string | string[] }>;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const member = await loadMember((await params).handle);
  if (!member) notFound();
  return {
    ...memberMetadata(member, `/members/${member.handle}/activity`),
    title: `Activity of ${member.name}`,
    description: `What ${member.name} rated, reviewed, watched and listed lately on Marquee.`,
  };
}

/** A page of the member's own activity from the shared cache, starting after `?after=`. */
async function MemberActivityFeed({ member, searchParams }: { member: MemberProfile; searchParams: Search }) {
  const raw = (await searchParams).after;
  const cursor = decodeCursor(typeof raw === "string" ? raw : undefined);
  const after = cursor ? encodeCursor(cursor) : null;
  const activity = await readMemberActivity(member.id, after);
  return (
    <>
      {activity.items.length === 0 ? (
        <p role="status" className="text-[var(--color-muted)]">
          {after ? "There is no older activity." : `${member.name} has no public activity yet.`}
        </p>
      ) : null}
      <ActivityList items={activity.items} label={`Activity of ${member.name}`} />
      <ActivityPager base={`/members/${member.handle}/activity`} next={activity.next} paged={after !== null} />
    </>
  );
}

/** A member's ratings, reviews, viewings and public lists, newest first: public and the same for every reader. */
export default async function MemberActivityPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const member = await loadMember((await params).handle);
  if (!member) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-4xl font-bold">{member.name}</h1>
        <p className="text-[var(--color-muted)]">@{member.handle}</p>
      </header>
      <MemberTabs handle={member.handle} current="activity" />
      <section aria-labelledby="activity-heading" className="space-y-4">
        <h2 id="activity-heading" className="font-serif text-2xl font-semibold">
          Activity
        </h2>
        <PerRequest what="the activity">
          <MemberActivityFeed member={member} searchParams={searchParams} />
        </PerRequest>
      </section>
    </div>
  );
}
