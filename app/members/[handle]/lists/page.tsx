import type { Metadata } from "next";
import { MemberLists, memberListsMetadata } from "../_components/member-lists";
import { PLACEHOLDER_HANDLE } from "../_components/member-article";

type Params = Promise<{ handle: string }>;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return memberListsMetadata((await params).handle, 1);
}

/** A member's public lists. */
export default async function MemberListsPage({ params }: { params: Params }) {
  return <MemberLists handle={(await params).handle} page={1} />;
}
