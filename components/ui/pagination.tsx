import Link from "next/link";

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
            <span aria-current="page" className="rounded bg-[var(--color-accent)] px-3 py-1 text-[var(--color-accent-ink)]">
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
