import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePage } from "@/lib/params";
import { memberReviewsHref } from "@/lib/reviews/params";
import { loadMember, MemberArticle, memberMetadata, PLACEHOLDER_HANDLE } from "../../_components/member-article";

type Params = Promise<{ handle: string; page: string }>;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE, page: "2" }];
}

async function load(params: Params) {
  const { handle, page } = await params;
  const member = /^[1-9]\d{0,5}$/.test(page) ? await loadMember(handle) : null;
  if (!member) notFound();
  return { member, page: parsePage(page) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { member, page } = await load(params);
  return {
    ...memberMetadata(member, memberReviewsHref(member.handle, page)),
    title: `Reviews by ${member.name}, page ${page}`,
  };
}

/** Page N of a member's reviews (the first is on their page). */
export default async function MemberReviewsPage({ params }: { params: Params }) {
  const { member, page } = await load(params);
  return <MemberArticle member={member} page={page} />;
}
