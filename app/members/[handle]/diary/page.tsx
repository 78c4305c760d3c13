import type { Metadata } from "next";
import { MemberDiary, memberDiaryMetadata } from "../_components/member-diary";
import { PLACEHOLDER_HANDLE } from "../_components/member-article";

type Params = Promise<{ handle: string }>;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return memberDiaryMetadata((await params).handle, 1);
}

/** A member's diary, first page. */
export default async function MemberDiaryPage({ params }: { params: Params }) {
  return <MemberDiary handle={(await params).handle} page={1} />;
}
