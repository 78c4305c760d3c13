import Link from "next/link";
import type { ListSummary } from "@/lib/lists/queries";
import { pluralize } from "@/lib/text";

/** Lists as links with their film and like counts. */
export function ListSummaries({ lists }: { lists: ListSummary[] }) {
  return (
    <ul className="space-y-2">
      {lists.map((list) => (
        <li key={list.id} className="rounded border border-[var(--color-line)] p-3">
          <Link
            href={`/lists/${list.id}`}
            className="font-medium break-words text-[var(--color-accent)] hover:underline"
          >
            {list.title}
          </Link>
          <p className="text-sm text-[var(--color-muted)]">
            {pluralize(list.filmCount, "film")} · {pluralize(list.likeCount, "like")}
            {list.isPublic ? "" : " · private"}
          </p>
        </li>
      ))}
    </ul>
  );
}
