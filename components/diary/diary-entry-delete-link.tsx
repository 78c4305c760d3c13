"use client";

import Link from "next/link";
import { useViewer } from "@/components/viewer/viewer-context";
import { mayDeleteDiaryEntry } from "@/lib/policy";

/**
 * "Delete" beside a diary entry, for the member whose diary it is. The diary
 * page is cached and shared, so this is decided in the browser from the
 * viewer payload; the delete page and its action check again on the server.
 */
export function DiaryEntryDeleteLink({ entryId, ownerId, label }: { entryId: number; ownerId: string; label: string }) {
  const member = useViewer()?.member ?? null;
  if (!mayDeleteDiaryEntry(member, { userId: ownerId })) return null;
  return (
    <Link
      href={`/diary/${entryId}/delete`}
      aria-label={`Delete the entry for ${label}`}
      className="text-sm text-[var(--color-accent)] hover:underline"
    >
      Delete
    </Link>
  );
}
