import type { Metadata } from "next";
import { MemberWatchlist, memberWatchlistMetadata } from "../_components/member-watchlist";
import { PLACEHOLDER_HANDLE } from "../_components/member-article";

type Params = Promise<{ handle: string }>;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return memberWatchlistMetadata((await params).handle, 1);
}

/** A member's watchlist, first page. */
export default async function MemberWatchlistPage({ params }: { params: Params }) {
  return <MemberWatchlist handle={(await params).handle} page={1} />;
}
