/** A quiet placeholder while a page's data loads. */
export function LoadingPanel({ what }: { what: string }) {
  return (
    <div role="status" aria-live="polite" data-loading-panel="" className="space-y-4">
      <p className="sr-only">Loading {what}…</p>
      <div aria-hidden="true" className="h-9 w-2/3 animate-pulse rounded bg-[var(--color-line)]" />
      <div aria-hidden="true" className="h-4 w-1/2 animate-pulse rounded bg-[var(--color-line)]" />
      <div aria-hidden="true" className="h-4 w-1/3 animate-pulse rounded bg-[var(--color-line)]" />
    </div>
  );
}
