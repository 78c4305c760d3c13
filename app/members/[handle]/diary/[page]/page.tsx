import type { Metadata } from "next";
import { MemberDiary, memberDiaryMetadata } from "../../_components/member-diary";
import { pageNOf, pageNStaticParams, type PageNParams } from "../../_components/page-n";

export function generateStaticParams() {
  return pageNStaticParams();
}

export async function generateMetadata({ params }: { params: PageNParams }): Promise<Metadata> {
  const { handle, page } = await pageNOf(params);
  return memberDiaryMetadata(handle, page);
}

/** Page N of a member's diary. */
export default async function MemberDiaryPageN({ params }: { params: PageNParams }) {
  const { handle, page } = await pageNOf(params);
  return <MemberDiary handle={handle} page={page} />;
}
