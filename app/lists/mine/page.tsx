import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ListSummaries } from "@/components/lists/list-summaries";
import { buttonClass } from "@/components/ui/button";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { listMemberLists } from "@/lib/lists/queries";
import { parsePage } from "@/lib/params";

type Search = Promise<{ page?: string | string[] }>;

export const metadata: Metadata = { title: "Your lists", robots: { index: false, follow: false } };

/** The signed-in member's lists, private ones included: read per request, never cached. */
async function YourLists({ searchParams }: { searchParams: Search }) {
  const page = parsePage((await searchParams).page);
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/lists/mine")}`);
  const lists = await listMemberLists(user.id, page, { includePrivate: true });
  const hrefFor = (p: number) => `/lists/mine?page=${p}`;
  return (
    <>
      <PageStatus page={lists} noun={["list", "lists"]} empty="You have not made a list yet." hrefFor={hrefFor} />
      <ListSummaries lists={lists.items} />
      <Pagination page={lists.page} pageCount={lists.pageCount} hrefFor={hrefFor} label="Pages of your lists" />
    </>
  );
}

export default function YourListsPage({ searchParams }: { searchParams: Search }) {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">Your lists</h1>
      <p>
        <Link href="/lists/new" className={buttonClass("primary", "small")}>
          New list
        </Link>
      </p>
      <PerRequest what="your lists">
        <YourLists searchParams={searchParams} />
      </PerRequest>
    </div>
  );
}
