"use client";

import Link from "next/link";
import { useViewer } from "@/components/viewer/viewer-context";

/**
 * The header's "Notifications" link with the member's unread count, drawn in
 * the browser from the viewer payload so every page stays the same for all
 * readers. Nothing for visitors.
 */
export function NotificationsLink() {
  const viewer = useViewer();
  if (!viewer?.member) return null;
  const unread = viewer.unread ?? 0;
  // Heard as "Notifications, 3 unread"; seen as "Notifications" and a badge with the count.
  return (
    <Link href="/notifications" className="inline-flex items-center gap-1 text-sm hover:underline">
      Notifications
      {unread > 0 ? (
        <>
          <span className="sr-only">, </span>
          <span className="rounded-full bg-[var(--color-accent)] px-1.5 text-xs font-semibold text-[var(--color-accent-ink)]">
            {unread > 99 ? "99+" : unread}
          </span>
          <span className="sr-only"> unread</span>
        </>
      ) : (
        <span className="sr-only">, none unread</span>
      )}
    </Link>
  );
}
