import type { Metadata } from "next";
import { MemberWatchlist, memberWatchlistMetadata } from "../../_components/member-watchlist";
import { pageNOf, pageNStaticParams, type PageNParams } from "../../_components/page-n";

export function generateStaticParams() {
  return pageNStaticParams();
}

export async function generateMetadata({ params }: { params: PageNParams }): Promise<Metadata> {
  const { handle, page } = await pageNOf(params);
  return memberWatchlistMetadata(handle, page);
}

/** Page N of a member's watchlist. */
export default async function MemberWatchlistPageN({ params }: { params: PageNParams }) {
  const { handle, page } = await pageNOf(params);
  return <MemberWatchlist handle={handle} page={page} />;
}
