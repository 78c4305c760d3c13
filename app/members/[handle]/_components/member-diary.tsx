import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DiaryMonths } from "@/components/diary/diary-months";
import { MemberTabs } from "@/components/members/member-tabs";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { readDiaryPage } from "@/lib/cache/reads";
import { pluralize } from "@/lib/text";
import { loadMember, memberMetadata } from "./member-article";

/** Where page `page` of a member's diary lives. */
export function memberDiaryHref(handle: string, page: number): string {
  return page <= 1 ? `/members/${handle}/diary` : `/members/${handle}/diary/${page}`;
}

export async function memberDiaryMetadata(handle: string, page: number): Promise<Metadata> {
  const member = await loadMember(handle);
  if (!member) notFound();
  return {
    ...memberMetadata(member, memberDiaryHref(member.handle, page)),
    title: page > 1 ? `${member.name}’s diary, page ${page}` : `${member.name}’s diary`,
    description: `The films ${member.name} has watched, by date, on Marquee.`,
  };
}

/** A member's diary, newest viewing first, grouped by month, with the count per year; the same for every reader. */
export async function MemberDiary({ handle, page }: { handle: string; page: number }) {
  const member = await loadMember(handle);
  if (!member) notFound();
  const { years, entries } = await readDiaryPage(member.id, page);
  const hrefFor = (p: number) => memberDiaryHref(member.handle, p);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-4xl font-bold">{member.name}</h1>
        <p className="text-[var(--color-muted)]">@{member.handle}</p>
      </header>
      <MemberTabs handle={member.handle} current="diary" />
      <section aria-labelledby="diary-heading" className="space-y-4">
        <h2 id="diary-heading" className="font-serif text-2xl font-semibold">
          {member.name}’s diary
        </h2>
        {years.length > 0 ? (
          <ul aria-label="Films logged per year" className="flex flex-wrap gap-x-1 text-sm">
            {years.map((year, i) => (
              <li key={year.year}>
                {i > 0 ? <span aria-hidden="true">· </span> : null}
                {year.year}: {pluralize(year.count, "film")}
              </li>
            ))}
          </ul>
        ) : null}
        <PageStatus
          page={entries}
          noun={["entry", "entries"]}
          empty={`${member.name} has not logged any films yet.`}
          hrefFor={hrefFor}
        />
        <DiaryMonths entries={entries.items} ownerId={member.id} />
        <Pagination page={entries.page} pageCount={entries.pageCount} hrefFor={hrefFor} label="Pages of the diary" />
      </section>
    </div>
  );
}
