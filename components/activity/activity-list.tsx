import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate } from "@/lib/dates";
import type { ActivityItem } from "@/lib/activity/queries";
import { formatRating } from "@/lib/ratings/scale";
import { filmLabel } from "@/lib/text";

const linkClass = "font-medium break-words text-[var(--color-accent)] hover:underline";

function FilmLink({ film }: { film: NonNullable<ActivityItem["film"]> }) {
  return (
    <Link href={`/films/${film.slug}`} className={linkClass}>
      {filmLabel(film)}
    </Link>
  );
}

/** What the member did, as a sentence after their name. */
function whatHappened(item: ActivityItem): ReactNode {
  const film = item.film ? <FilmLink film={item.film} /> : "a film";
  switch (item.kind) {
    case "rating":
      return (
        <>
          rated {film}
          {item.halfStars !== null ? ` ${formatRating(item.halfStars)}` : ""}
        </>
      );
    case "review":
      return (
        <>
          reviewed {film}:{" "}
          {item.review ? (
            <Link href={`/reviews/${item.review.id}`} className={linkClass}>
              {item.halfStars !== null ? `My Rating: ${formatRating(item.halfStars)} – ` : ""}
              {item.review.verdict || "read the review"}
            </Link>
          ) : null}
        </>
      );
    case "diary":
      return (
        <>
          {item.rewatch ? "watched again" : "watched"} {film}
          {item.watchedOn ? ` on ${formatDate(new Date(`${item.watchedOn}T00:00:00Z`))}` : ""}
          {item.halfStars !== null ? `, ${formatRating(item.halfStars)}` : ""}
        </>
      );
    case "list":
      return (
        <>
          made the list{" "}
          {item.list ? (
            <Link href={`/lists/${item.list.id}`} className={linkClass}>
              {item.list.title}
            </Link>
          ) : null}
        </>
      );
    case "list_film":
      return (
        <>
          added {film} to the list{" "}
          {item.list ? (
            <Link href={`/lists/${item.list.id}`} className={linkClass}>
              {item.list.title}
            </Link>
          ) : null}
        </>
      );
  }
}

/** A feed of what members did, newest first, each line with its member, what they did and when. */
export function ActivityList({ items, label }: { items: ActivityItem[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <ol aria-label={label} className="divide-y divide-[var(--color-line)] rounded border border-[var(--color-line)]">
      {items.map((item) => (
        <li key={item.cursor} className="space-y-1 p-3">
          <p className="break-words">
            <Link href={`/members/${item.member.handle}`} className="font-semibold hover:underline">
              {item.member.name}
            </Link>{" "}
            {whatHappened(item)}
          </p>
          <p className="text-sm text-[var(--color-muted)]">
            <time dateTime={item.at.toISOString()}>{formatDate(item.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** "Older activity" after a page that has more, and "Newest activity" on any page but the first. */
export function ActivityPager({ base, next, paged }: { base: string; next: string | null; paged: boolean }) {
  if (!next && !paged) return null;
  const pagerLink = "rounded border border-[var(--color-line)] px-3 py-1 hover:bg-[var(--color-card)]";
  return (
    <nav aria-label="Pages of activity" className="flex flex-wrap gap-2 text-sm">
      {paged ? (
        <Link href={base} className={pagerLink}>
          ← Newest activity
        </Link>
      ) : null}
      {next ? (
        <Link href={`${base}?after=${encodeURIComponent(next)}`} className={pagerLink} rel="next">
          Older activity →
        </Link>
      ) : null}
    </nav>
  );
}
