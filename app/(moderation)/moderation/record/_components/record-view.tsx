import Link from "next/link";
import { RecordCounts, RecordEntryItem } from "@/components/moderation/moderation-record";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { readModerationRecord } from "@/lib/cache/reads";

export const recordHref = (page: number) => (page > 1 ? `/moderation/record?page=${page}` : "/moderation/record");

/**
 * The public moderation record, the same page for every reader (visitors
 * too), from a cached read that moderation writes expire.
 */
export async function RecordView({ page }: { page: number }) {
  const { entries, months } = await readModerationRecord(page);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold">Moderation record</h1>
        <p>
          Every comment a moderator removed and every review a moderator hid, with the date, the reason and the{" "}
          <Link href="/moderation/rules" className="text-[var(--color-accent)] underline">
            house rule
          </Link>{" "}
          it broke. The removed words, who reported them and which moderator acted are not shown. A comment or review
          that is restored leaves the record, because it is back on its page.
        </p>
      </header>
      <section aria-labelledby="record-counts" className="space-y-2">
        <h2 id="record-counts" className="font-serif text-xl font-semibold">
          By month and rule
        </h2>
        <RecordCounts months={months} />
      </section>
      <section aria-labelledby="record-entries" className="space-y-4">
        <h2 id="record-entries" className="font-serif text-xl font-semibold">
          Removed and hidden
        </h2>
        <PageStatus
          page={entries}
          noun={["entry", "entries"]}
          empty="Nothing has been removed or hidden."
          hrefFor={recordHref}
        />
        {entries.items.length ? (
          <ol aria-label="Moderation record entries" className="space-y-6">
            {entries.items.map((entry) => (
              <li key={entry.anchor}>
                <RecordEntryItem entry={entry} />
              </li>
            ))}
          </ol>
        ) : null}
        <Pagination
          page={entries.page}
          pageCount={entries.pageCount}
          hrefFor={recordHref}
          label="Moderation record pages"
        />
      </section>
    </div>
  );
}
