import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MemberRows } from "@/components/follows/member-rows";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { readFollows } from "@/lib/cache/reads";
import { loadMember, memberMetadata } from "./member-article";

export type FollowSide = "followers" | "following";

/** Where page `page` of a member's followers (or of whom they follow) lives. */
export function memberFollowsHref(handle: string, side: FollowSide, page: number): string {
  return page <= 1 ? `/members/${handle}/${side}` : `/members/${handle}/${side}/${page}`;
}

function headingFor(side: FollowSide, name: string): string {
  return side === "followers" ? `Members who follow ${name}` : `Members ${name} follows`;
}

export async function memberFollowsMetadata(handle: string, side: FollowSide, page: number): Promise<Metadata> {
  const member = await loadMember(handle);
  if (!member) notFound();
  const heading = headingFor(side, member.name);
  return {
    ...memberMetadata(member, memberFollowsHref(member.handle, side, page)),
    title: page > 1 ? `${heading}, page ${page}` : heading,
    description:
      side === "followers"
        ? `The members who follow ${member.name} on Marquee.`
        : `The members whose ratings and reviews ${member.name} follows on Marquee.`,
  };
}

/** Who follows a member, or whom they follow, newest first: the same for every reader. */
export async function MemberFollows({ handle, side, page }: { handle: string; side: FollowSide; page: number }) {
  const member = await loadMember(handle);
  if (!member) notFound();
  const members = await readFollows(member.id, side, page);
  const hrefFor = (p: number) => memberFollowsHref(member.handle, side, p);
  const heading = headingFor(side, member.name);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-4xl font-bold">{member.name}</h1>
        <p className="text-[var(--color-muted)]">
          <Link href={`/members/${member.handle}`} className="text-[var(--color-accent)] hover:underline">
            @{member.handle}
          </Link>
        </p>
      </header>
      <nav aria-label="Follows" className="flex flex-wrap gap-4 text-sm">
        {(["followers", "following"] as const).map((s) => (
          <Link
            key={s}
            href={memberFollowsHref(member.handle, s, 1)}
            aria-current={s === side ? "page" : undefined}
            className={s === side ? "font-semibold" : "text-[var(--color-accent)] hover:underline"}
          >
            {s === "followers" ? "Followers" : "Following"}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="follows-heading" className="space-y-4">
        <h2 id="follows-heading" className="font-serif text-2xl font-semibold">
          {heading}
        </h2>
        <PageStatus
          page={members}
          noun={["member", "members"]}
          empty={side === "followers" ? `Nobody follows ${member.name} yet.` : `${member.name} follows nobody yet.`}
          hrefFor={hrefFor}
        />
        <MemberRows members={members.items} label={heading} />
        <Pagination page={members.page} pageCount={members.pageCount} hrefFor={hrefFor} label="Pages of members" />
      </section>
    </div>
  );
}
