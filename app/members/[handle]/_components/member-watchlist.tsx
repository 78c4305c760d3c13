import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilmGrid } from "@/components/films/film-card";
import { MemberTabs } from "@/components/members/member-tabs";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { readWatchlistPage } from "@/lib/cache/reads";
import { watchlistAction } from "@/app/films/[slug]/actions";
import { loadMember, memberMetadata } from "./member-article";

/** Where page `page` of a member's watchlist lives. */
export function memberWatchlistHref(handle: string, page: number): string {
  return page <= 1 ? `/members/${handle}/watchlist` : `/members/${handle}/watchlist/${page}`;
}

export async function memberWatchlistMetadata(handle: string, page: number): Promise<Metadata> {
  const member = await loadMember(handle);
  if (!member) notFound();
  return {
    ...memberMetadata(member, memberWatchlistHref(member.handle, page)),
    title: page > 1 ? `${member.name}’s watchlist, page ${page}` : `${member.name}’s watchlist`,
    description: `The films ${member.name} means to watch, on Marquee.`,
  };
}

/** A member's watchlist, the film added last first; the same for every reader. */
export async function MemberWatchlist({ handle, page }: { handle: string; page: number }) {
  const member = await loadMember(handle);
  if (!member) notFound();
  const films = await readWatchlistPage(member.id, page);
  const hrefFor = (p: number) => memberWatchlistHref(member.handle, p);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-4xl font-bold">{member.name}</h1>
        <p className="text-[var(--color-muted)]">@{member.handle}</p>
      </header>
      <MemberTabs handle={member.handle} current="watchlist" />
      <section aria-labelledby="watchlist-heading" className="space-y-4">
        <h2 id="watchlist-heading" className="font-serif text-2xl font-semibold">
          {member.name}’s watchlist
        </h2>
        <PageStatus
          page={films}
          noun={["film", "films"]}
          empty={`${member.name} has no films on their watchlist yet.`}
          hrefFor={hrefFor}
        />
        <FilmGrid
          films={films.items}
          label={`Films on ${member.name}’s watchlist`}
          headingLevel={3}
          watchlist={watchlistAction}
          watchlistOwnerId={member.id}
        />
        <Pagination page={films.page} pageCount={films.pageCount} hrefFor={hrefFor} label="Pages of the watchlist" />
      </section>
    </div>
  );
}
