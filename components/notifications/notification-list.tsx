import Link from "next/link";
import { exactTime } from "@/components/comments/format-time";
import type { FormAction } from "@/lib/forms/action-state";
import type { NotificationItem } from "@/lib/notifications/queries";
import { NoticeForm } from "./notice-form";

/** What a notice says, in one sentence. */
export function noticeSentence(notice: NotificationItem): string {
  const who = notice.actor?.name ?? "Someone";
  const film = notice.filmTitle ? ` of “${notice.filmTitle}”` : "";
  switch (notice.kind) {
    case "reply":
      return `${who} replied to your comment${notice.filmTitle ? ` on the review of “${notice.filmTitle}”` : ""}`;
    case "review_comment":
      return `${who} commented on your review${film}`;
    case "review_like":
      return `${who} liked your review${film}`;
    case "follow":
      return `${who} started following you`;
    case "moderation":
      return notice.reason ?? "A moderator made a decision about your post";
  }
}

/** A page of notices, newest first: each links to what it is about; unread ones say so and can be marked read. */
export function NotificationList({ notices, markRead }: { notices: NotificationItem[]; markRead: FormAction }) {
  return (
    <ol
      aria-label="Your notifications"
      className="divide-y divide-[var(--color-line)] rounded border border-[var(--color-line)]"
    >
      {notices.map((notice) => {
        const sentence = noticeSentence(notice);
        return (
          <li
            key={notice.id}
            className={`space-y-1 p-3 ${notice.read ? "" : "border-l-4 border-l-[var(--color-accent)] bg-[var(--color-card)]"}`}
          >
            <p className="break-words">
              {notice.read ? null : (
                <span className="mr-2 text-sm font-semibold text-[var(--color-accent)]">Unread</span>
              )}
              <Link href={notice.href} className="hover:underline">
                {sentence}
              </Link>
            </p>
            <div className="flex flex-wrap items-center gap-3 text-sm text-[var(--color-muted)]">
              <time dateTime={notice.createdAt.toISOString()}>{exactTime(notice.createdAt)}</time>
              {notice.read ? null : (
                <NoticeForm
                  action={markRead}
                  label={`Mark as read: ${sentence}`}
                  fields={{ notificationId: notice.id }}
                >
                  Mark as read<span className="sr-only"> {sentence}</span>
                </NoticeForm>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
