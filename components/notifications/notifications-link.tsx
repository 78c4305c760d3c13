"use client";

import Link from "next/link";
import { useViewer } from "@/components/viewer/viewer-context";
import { unreadLabel } from "@/lib/notifications/schema";

/**
 * The header's "Notifications" link with the member's unread count, drawn in
 * the browser from the viewer payload so every page stays the same for all
 * readers. Nothing for visitors.
 */
export function NotificationsLink() {
  const viewer = useViewer();
  if (!viewer?.member) return null;
  const unread = viewer.unread ?? 0;
  return (
    <Link
      href="/notifications"
      aria-label={unreadLabel(unread)}
      className="inline-flex items-center gap-1 text-sm hover:underline"
    >
      <span aria-hidden="true">Notifications</span>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="rounded-full bg-[var(--color-accent)] px-1.5 text-xs font-semibold text-[var(--color-accent-ink)]"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
