import Link from "next/link";
import type { DiaryEntryItem } from "@/lib/diary/queries";
import { formatDiaryDate, formatDiaryMonth } from "@/lib/diary/schema";
import { formatRating } from "@/lib/ratings/scale";
import { filmLabel } from "@/lib/text";
import { DiaryEntryDeleteLink } from "./diary-entry-delete-link";

/** Consecutive entries of the same month, in the order given (newest first). */
function byMonth(entries: DiaryEntryItem[]): { month: string; entries: DiaryEntryItem[] }[] {
  const months: { month: string; entries: DiaryEntryItem[] }[] = [];
  for (const entry of entries) {
    const month = entry.watchedOn.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.entries.push(entry);
    else months.push({ month, entries: [entry] });
  }
  return months;
}

/** A page of diary entries under one heading per month ("March 2026"). */
export function DiaryMonths({ entries, ownerId }: { entries: DiaryEntryItem[]; ownerId: string }) {
  return (
    <div className="space-y-6">
      {byMonth(entries).map(({ month, entries: inMonth }) => (
        <section key={month} aria-labelledby={`month-${month}`} className="space-y-2">
          <h3 id={`month-${month}`} className="font-serif text-xl font-semibold">
            {formatDiaryMonth(`${month}-01`)}
          </h3>
          <ul className="divide-y divide-[var(--color-line)] rounded border border-[var(--color-line)]">
            {inMonth.map((entry) => {
              const label = filmLabel(entry.film);
              return (
                <li key={entry.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 p-3">
                  <time dateTime={entry.watchedOn} className="w-28 shrink-0 text-sm text-[var(--color-muted)]">
                    {formatDiaryDate(entry.watchedOn)}
                  </time>
                  <Link
                    href={`/films/${entry.film.slug}`}
                    className="min-w-0 font-medium break-words text-[var(--color-accent)] hover:underline"
                  >
                    {label}
                  </Link>
                  {entry.rewatch ? <span className="text-sm text-[var(--color-muted)]">rewatch</span> : null}
                  {entry.halfStars !== null ? <span className="text-sm">{formatRating(entry.halfStars)}</span> : null}
                  {entry.reviewId !== null ? (
                    <Link href={`/reviews/${entry.reviewId}`} className="text-sm hover:underline">
                      Review
                    </Link>
                  ) : null}
                  <DiaryEntryDeleteLink
                    entryId={entry.id}
                    ownerId={ownerId}
                    label={`${label} on ${formatDiaryDate(entry.watchedOn)}`}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
