import type { Metadata } from "next";
import { MemberFollows, memberFollowsMetadata } from "../../_components/member-follows";
import { pageNOf, pageNStaticParams, type PageNParams } from "../../_components/page-n";

export function generateStaticParams() {
  return pageNStaticParams();
}

export async function generateMetadata({ params }: { params: PageNParams }): Promise<Metadata> {
  const { handle, page } = await pageNOf(params);
  return memberFollowsMetadata(handle, "followers", page);
}

export default async function MemberFollowersPageN({ params }: { params: PageNParams }) {
  const { handle, page } = await pageNOf(params);
  return <MemberFollows handle={handle} side="followers" page={page} />;
}
