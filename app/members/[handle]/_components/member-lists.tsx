import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListSummaries } from "@/components/lists/list-summaries";
import { MemberTabs } from "@/components/members/member-tabs";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { readMemberPublicLists } from "@/lib/cache/reads";
import { loadMember, memberMetadata } from "./member-article";

/** Where page `page` of a member's lists lives. */
export function memberListsHref(handle: string, page: number): string {
  return page <= 1 ? `/members/${handle}/lists` : `/members/${handle}/lists/${page}`;
}

export async function memberListsMetadata(handle: string, page: number): Promise<Metadata> {
  const member = await loadMember(handle);
  if (!member) notFound();
  return {
    ...memberMetadata(member, memberListsHref(member.handle, page)),
    title: page > 1 ? `Lists by ${member.name}, page ${page}` : `Lists by ${member.name}`,
    description: `Lists of films made by ${member.name} on Marquee.`,
  };
}

/**
 * A member's public lists, the same for every reader: private lists are not
 * read here at all (their owner finds them on /lists/mine).
 */
export async function MemberLists({ handle, page }: { handle: string; page: number }) {
  const member = await loadMember(handle);
  if (!member) notFound();
  const lists = await readMemberPublicLists(member.id, page);
  const hrefFor = (p: number) => memberListsHref(member.handle, p);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-4xl font-bold">{member.name}</h1>
        <p className="text-[var(--color-muted)]">@{member.handle}</p>
      </header>
      <MemberTabs handle={member.handle} current="lists" />
      <section aria-labelledby="lists-heading" className="space-y-4">
        <h2 id="lists-heading" className="font-serif text-2xl font-semibold">
          Lists by {member.name}
        </h2>
        <PageStatus
          page={lists}
          noun={["list", "lists"]}
          empty={`${member.name} has no public lists yet.`}
          hrefFor={hrefFor}
        />
        <ListSummaries lists={lists.items} />
        <Pagination page={lists.page} pageCount={lists.pageCount} hrefFor={hrefFor} label="Pages of lists" />
      </section>
    </div>
  );
}
