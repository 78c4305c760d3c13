import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadMember, MemberArticle, memberMetadata, PLACEHOLDER_HANDLE } from "./_components/member-article";

type Params = Promise<{ handle: string }>;

/**
 * No member page is built with the app; each is prerendered on its first
 * request and kept until a write changes it.
 */
export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const member = await loadMember((await params).handle);
  if (!member) notFound();
  return memberMetadata(member);
}

export default async function MemberPage({ params }: { params: Params }) {
  const member = await loadMember((await params).handle);
  if (!member) notFound();
  return <MemberArticle member={member} page={1} />;
}
