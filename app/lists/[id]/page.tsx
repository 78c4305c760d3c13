import type { Metadata } from "next";
import { parseId } from "@/lib/params";
import { ListView, listMetadata, PLACEHOLDER_ID } from "./_components/list-view";

type Params = Promise<{ id: string }>;

export function generateStaticParams() {
  return [{ id: PLACEHOLDER_ID }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return listMetadata(parseId((await params).id), 1);
}

/** A list and its first 50 films. */
export default async function ListPage({ params }: { params: Params }) {
  return <ListView listId={parseId((await params).id)} page={1} />;
}
