import Link from "next/link";
import { formatDate } from "@/lib/dates";
import type { RecordEntry, RecordMonthCount } from "@/lib/moderation/record";
import { houseRule, ruleAnchor } from "@/lib/moderation/rules";

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "December 2026" for "2026-12". */
function monthLabel(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return monthName.format(new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 1)));
}

function RuleName({ rule }: { rule: string | null }) {
  const known = houseRule(rule);
  if (!known) return <>no rule cited</>;
  return (
    <Link href={`/moderation/rules#${ruleAnchor(known.key)}`} className="text-[var(--color-accent)] underline">
      {known.title}
    </Link>
  );
}

/** One removal or hide: what it was, on which film, when, why and under which rule. Never the text, the reporter or the moderator. */
export function RecordEntryItem({ entry }: { entry: RecordEntry }) {
  return (
    <article id={entry.anchor} aria-labelledby={`${entry.anchor}-title`} className="space-y-1">
      <h2 id={`${entry.anchor}-title`} className="font-semibold">
        {entry.kind === "comment" ? (
          <>
            A comment removed from{" "}
            <Link
              href={`/reviews/${entry.reviewId}#comment-${entry.targetId}`}
              className="text-[var(--color-accent)] underline"
            >
              a review of {entry.filmTitle}
            </Link>
          </>
        ) : (
          <>
            A review of{" "}
            <Link href={`/films/${entry.filmSlug}`} className="text-[var(--color-accent)] underline">
              {entry.filmTitle}
            </Link>{" "}
            hidden
          </>
        )}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-[var(--color-muted)]">Date</dt>
        <dd>
          <time dateTime={entry.at.toISOString()}>{formatDate(entry.at)}</time>
        </dd>
        <dt className="text-[var(--color-muted)]">Rule</dt>
        <dd>
          <RuleName rule={entry.rule} />
        </dd>
        <dt className="text-[var(--color-muted)]">Reason</dt>
        <dd className="break-words">{entry.reason ?? "none given"}</dd>
      </dl>
    </article>
  );
}

/** Removals and hides in force, by month and rule, as a small table. */
export function RecordCounts({ months }: { months: RecordMonthCount[] }) {
  if (months.length === 0)
    return <p className="text-sm text-[var(--color-muted)]">Nothing in the last twelve months.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Comments removed and reviews hidden, by month and rule</caption>
      <thead>
        <tr className="border-b border-[var(--color-line)]">
          <th scope="col" className="py-1 pr-2">
            Month
          </th>
          <th scope="col" className="py-1 pr-2">
            Rule
          </th>
          <th scope="col" className="py-1 text-right">
            Items
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((row) => (
          <tr key={`${row.month}-${row.rule ?? ""}`} className="border-b border-[var(--color-line)]">
            <td className="py-1 pr-2">{monthLabel(row.month)}</td>
            <td className="py-1 pr-2">{houseRule(row.rule)?.title ?? "No rule cited"}</td>
            <td className="py-1 text-right tabular-nums">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
