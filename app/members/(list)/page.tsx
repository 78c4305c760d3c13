import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { readReviewers } from "@/lib/cache/reads";
import { formatDate } from "@/lib/dates";
import { parsePage } from "@/lib/params";
import { pluralize } from "@/lib/text";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const hrefFor = (page: number) => (page > 1 ? `/members?page=${page}` : "/members");

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const page = parsePage((await searchParams).page);
  return {
    title: page > 1 ? `Members, page ${page}` : "Members",
    description: "The members who write Marquee's reviews, the most prolific first.",
    alternates: { canonical: hrefFor(page) },
  };
}

/** The members who have published reviews, a page at a time; rendered for each request from a cached read. */
export default async function MembersPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const page = parsePage((await searchParams).page);
  const result = await readReviewers(page);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Members</h1>
      <p className="text-[var(--color-muted)]">The people who write Marquee’s reviews, the most prolific first.</p>
      <PageStatus
        page={result}
        noun={["member", "members"]}
        empty="Nobody has published a review yet."
        hrefFor={hrefFor}
      />
      {result.items.length ? (
        <ol aria-label="Members" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {result.items.map((member) => (
            <li
              key={member.handle}
              className="flex items-center gap-3 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3"
            >
              <span aria-hidden="true" className="comment-avatar">
                {(member.name.trim()[0] ?? "?").toUpperCase()}
              </span>
              <div className="min-w-0">
                <h2 className="truncate font-serif text-lg font-semibold">
                  <Link href={`/members/${member.handle}`} className="hover:underline">
                    {member.name}
                  </Link>
                </h2>
                <p className="text-sm text-[var(--color-muted)]">
                  @{member.handle} · {pluralize(member.reviews, "review")} · latest{" "}
                  <time dateTime={member.lastReviewedAt.toISOString()}>{formatDate(member.lastReviewedAt)}</time>
                </p>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} label="Member pages" />
    </div>
  );
}
