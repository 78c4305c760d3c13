import Link from "next/link";
import type { Page } from "@/lib/pagination";

/**
 * Previous / next and nearby page links. `hrefFor(page)` builds each URL, so
 * every filter stays in the address and the back button works.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const nearby = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...nearby].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const linkClass = "rounded border border-[var(--color-line)] px-3 py-1 hover:bg-[var(--color-card)]";
  return (
    <nav aria-label={label} className="mt-8 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 && page <= pageCount + 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : null}
      {pages.map((p, i) => (
        <span key={p} className="flex items-center gap-2">
          {i > 0 && p - pages[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
          {p === page ? (
            <span
              aria-current="page"
              className="rounded bg-[var(--color-accent)] px-3 py-1 text-[var(--color-accent-ink)]"
            >
              {p}
            </span>
          ) : (
            <Link href={hrefFor(p)} className={linkClass} aria-label={`Page ${p}`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * The line above a paginated list: "Showing 25–48 of 3,201 films", the empty
 * sentence, or, for a page past the end, where the list ends with a link to
 * its last page. Every list says it the same way.
 */
export function PageStatus({
  page,
  noun,
  empty,
  hrefFor,
}: {
  page: Page<unknown>;
  /** What the list holds, singular and plural: ["film", "films"]. */
  noun: [string, string];
  empty: string;
  hrefFor: (page: number) => string;
}) {
  if (page.total === 0) {
    return (
      <p role="status" className="text-sm text-[var(--color-muted)]">
        {empty}
      </p>
    );
  }
  if (page.pastEnd || page.items.length === 0) {
    return (
      <p role="status" className="text-sm text-[var(--color-muted)]">
        {`Page ${page.page.toLocaleString("en-GB")} is past the end: there ${page.pageCount === 1 ? "is 1 page" : `are ${page.pageCount.toLocaleString("en-GB")} pages`}. `}
        <Link href={hrefFor(page.pageCount)} className="text-[var(--color-accent)] hover:underline">
          Go to the last page
        </Link>
      </p>
    );
  }
  const first = (page.page - 1) * page.size + 1;
  const last = first + page.items.length - 1;
  const count = page.total.toLocaleString("en-GB");
  return (
    <p role="status" className="text-sm text-[var(--color-muted)]">
      {`Showing ${first.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${count} ${page.total === 1 ? noun[0] : noun[1]}.`}
    </p>
  );
}
