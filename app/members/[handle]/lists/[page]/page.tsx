import type { Metadata } from "next";
import { MemberLists, memberListsMetadata } from "../../_components/member-lists";
import { pageNOf, pageNStaticParams, type PageNParams } from "../../_components/page-n";

export function generateStaticParams() {
  return pageNStaticParams();
}

export async function generateMetadata({ params }: { params: PageNParams }): Promise<Metadata> {
  const { handle, page } = await pageNOf(params);
  return memberListsMetadata(handle, page);
}

/** Page N of a member's public lists. */
export default async function MemberListsPageN({ params }: { params: PageNParams }) {
  const { handle, page } = await pageNOf(params);
  return <MemberLists handle={handle} page={page} />;
}
