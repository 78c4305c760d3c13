/**
 * A review's body, already rendered to safe HTML by lib/markdown. With
 * spoilers it waits behind a disclosure that works without JavaScript.
 */
export function ReviewBody({ html, containsSpoilers }: { html: string; containsSpoilers: boolean }) {
  const body = (
    <div
      className="review-body space-y-4 font-serif text-lg leading-relaxed"
      // Safe: renderMarkdown drops raw HTML and sanitizes its output last.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
  if (!containsSpoilers) return body;
  return (
    <details className="rounded border border-[var(--color-line)] p-4">
      <summary className="cursor-pointer font-medium">This review contains spoilers. Show it anyway</summary>
      <div className="mt-4">{body}</div>
    </details>
  );
}
