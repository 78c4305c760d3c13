import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePage } from "@/lib/params";
import { RecordView } from "../_components/record-view";

type Params = Promise<{ page: string }>;

export function generateStaticParams() {
  return [{ page: "2" }];
}

async function pageOf(params: Params): Promise<number> {
  const { page } = await params;
  // Page 1 is /moderation/record itself.
  if (!/^[1-9]\d{0,4}$/.test(page) || page === "1") notFound();
  return parsePage(page);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Moderation record, page ${await pageOf(params)}` };
}

/** Page N of the public moderation record. */
export default async function ModerationRecordPageN({ params }: { params: Params }) {
  return <RecordView page={await pageOf(params)} />;
}
