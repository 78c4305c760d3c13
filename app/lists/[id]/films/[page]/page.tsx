import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseId, parsePage } from "@/lib/params";
import { ListView, listMetadata, PLACEHOLDER_ID } from "../../_components/list-view";

type Params = Promise<{ id: string; page: string }>;

export function generateStaticParams() {
  return [{ id: PLACEHOLDER_ID, page: "2" }];
}

async function load(params: Params) {
  const { id, page } = await params;
  if (!/^[1-9]\d{0,5}$/.test(page)) notFound();
  return { listId: parseId(id), page: parsePage(page) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { listId, page } = await load(params);
  return listMetadata(listId, page);
}

/** Page N of a list's films (the first is on the list's own page). */
export default async function ListFilmsPage({ params }: { params: Params }) {
  const { listId, page } = await load(params);
  return <ListView listId={listId} page={page} />;
}
