import type { Metadata } from "next";
import { connection } from "next/server";
import { parsePage } from "@/lib/params";
import { RecordView } from "./_components/record-view";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const page = parsePage((await searchParams).page);
  return {
    title: page > 1 ? `Moderation record, page ${page}` : "Moderation record",
    description: "What Marquee's moderators removed or hid, when, and under which house rule.",
  };
}

/**
 * The public moderation record, a page at a time: rendered for each request
 * (it reads the query string) from a cached read that moderation writes expire.
 */
export default async function ModerationRecordPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  return <RecordView page={parsePage((await searchParams).page)} />;
}
