import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RoleForm } from "@/components/admin/role-form";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth";
import { mayOpenAdmin } from "@/lib/policy";
import { listMembers } from "@/lib/moderation/members";
import { parsePage } from "@/lib/params";
import { changeRoleAction } from "./actions";
import { buttonClass } from "@/components/ui/button";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = {
  title: "Members and roles",
  robots: { index: false },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const paramsSchema = z.object({
  q: z.preprocess(first, z.string().trim().max(100)).catch(""),
  page: z.unknown().transform(parsePage),
});

const joined = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function hrefFor(q: string, page: number): string {
  const search = new URLSearchParams();
  if (q) search.set("q", q);
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `/admin?${qs}` : "/admin";
}

async function AdminPageContent({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  // Visitors and members learn nothing about this page: it does not exist for them.
  if (!user || !mayOpenAdmin(user)) notFound();
  const params = await searchParams;
  const { q, page } = paramsSchema.parse({ q: params.q ?? "", page: params.page ?? 1 });
  const result = await listMembers(user, { q, page });
  if (!result) notFound();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-bold">Members and roles</h1>
        <nav aria-label="Admin pages" className="flex flex-wrap gap-4">
          <Link href="/admin/blocklist" className="text-[var(--color-accent)] hover:underline">
            Comment blocklist
          </Link>
          <Link href="/moderation/log" className="text-[var(--color-accent)] hover:underline">
            Moderation log
          </Link>
        </nav>
      </div>
      <p className="max-w-2xl text-[var(--color-muted)]">
        Moderators remove comments, work the report queue and suspend members; admins also grant roles. Every change is
        written to the moderation log.
      </p>
      <p>
        <Link href="/admin/import" className="font-medium text-[var(--color-accent)] hover:underline">
          Import reviews from WordPress
        </Link>
      </p>

      <form
        action="/admin"
        method="get"
        role="search"
        aria-label="Search members"
        className="flex flex-wrap items-end gap-2"
      >
        <div className="space-y-1">
          <label htmlFor="member-search" className="block font-medium">
            Search members by handle or name
          </label>
          <input
            id="member-search"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            className="w-64 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
          />
        </div>
        <button type="submit" className={buttonClass("primary", "small")}>
          Search
        </button>
        {q ? (
          <Link href="/admin" className="px-2 py-1 text-[var(--color-accent)] underline">
            Show all members
          </Link>
        ) : null}
      </form>

      <PageStatus
        page={result}
        noun={["member", "members"]}
        empty={q ? `No member's handle or name contains “${q}”.` : "There are no members yet."}
        hrefFor={(p) => hrefFor(q, p)}
      />

      {result.items.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Members, their roles and a form to change each role</caption>
            <thead>
              <tr className="border-b border-[var(--color-line)]">
                <th scope="col" className="py-2 pr-4">
                  Member
                </th>
                <th scope="col" className="py-2 pr-4">
                  Joined
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2">
                  Role
                </th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((member) => (
                <tr key={member.id} className="border-b border-[var(--color-line)] align-top">
                  <td className="py-2 pr-4">
                    <Link href={`/members/${member.handle}`} className="font-medium hover:underline">
                      {member.name ?? member.handle}
                    </Link>
                    <div className="text-[var(--color-muted)]">@{member.handle}</div>
                  </td>
                  <td className="py-2 pr-4">
                    <time dateTime={member.joinedAt.toISOString()}>{joined.format(member.joinedAt)}</time>
                  </td>
                  <td className="py-2 pr-4">{member.suspended ? "Suspended" : "Active"}</td>
                  <td className="py-2">
                    <RoleForm action={changeRoleAction} handle={member.handle} role={member.role} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => hrefFor(q, p)} label="Member pages" />
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <PerRequest what="the members">
      <AdminPageContent searchParams={searchParams} />
    </PerRequest>
  );
}
