import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePage } from "@/lib/params";
import { PLACEHOLDER_HANDLE } from "../../_components/member-article";
import { MemberWatchlist, memberWatchlistMetadata } from "../../_components/member-watchlist";

type Params = Promise<{ handle: string; page: string }>;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE, page: "2" }];
}

async function load(params: Params) {
  const { handle, page } = await params;
  if (!/^[1-9]\d{0,5}$/.test(page)) notFound();
  return { handle, page: parsePage(page) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { handle, page } = await load(params);
  return memberWatchlistMetadata(handle, page);
}

/** Page N of a member's watchlist. */
export default async function MemberWatchlistPageN({ params }: { params: Params }) {
  const { handle, page } = await load(params);
  return <MemberWatchlist handle={handle} page={page} />;
}
