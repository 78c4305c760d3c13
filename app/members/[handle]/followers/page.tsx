import type { Metadata } from "next";
import { PLACEHOLDER_HANDLE } from "../_components/member-article";
import { MemberFollows, memberFollowsMetadata } from "../_components/member-follows";

type Params = Promise<{ handle: string }>;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return memberFollowsMetadata((await params).handle, "followers", 1);
}

/** Who follows a member. */
export default async function MemberFollowersPage({ params }: { params: Params }) {
  return <MemberFollows handle={(await params).handle} side="followers" page={1} />;
}
