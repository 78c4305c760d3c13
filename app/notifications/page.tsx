import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NoticeForm } from "@/components/notifications/notice-form";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { listNotifications } from "@/lib/notifications/queries";
import { parsePage } from "@/lib/params";
import { markAllReadAction, markReadAction } from "./actions";

type Search = Promise<{ page?: string | string[] }>;

export const metadata: Metadata = { title: "Notifications", robots: { index: false, follow: false } };

/** The signed-in member's notices, read per request and never cached. */
async function YourNotifications({ searchParams }: { searchParams: Search }) {
  const page = parsePage((await searchParams).page);
  const user = await getCurrentUser();
  const hrefFor = (p: number) => (p === 1 ? "/notifications" : `/notifications?page=${p}`);
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(hrefFor(page))}`);
  const notices = await listNotifications(user.id, page);
  const anyUnread = notices.items.some((notice) => !notice.read);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageStatus
          page={notices}
          noun={["notification", "notifications"]}
          empty="Nothing yet. Replies to your comments, comments and likes on your reviews, new followers and moderators' decisions show here."
          hrefFor={hrefFor}
        />
        {anyUnread ? (
          <NoticeForm action={markAllReadAction} label="Mark all as read" tone="primary">
            Mark all as read
          </NoticeForm>
        ) : null}
      </div>
      {notices.items.length > 0 ? <NotificationList notices={notices.items} markRead={markReadAction} /> : null}
      <Pagination
        page={notices.page}
        pageCount={notices.pageCount}
        hrefFor={hrefFor}
        label="Pages of your notifications"
      />
    </>
  );
}

export default function NotificationsPage({ searchParams }: { searchParams: Search }) {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">Notifications</h1>
      <p className="text-sm">
        <Link href="/account/notifications" className="text-[var(--color-accent)] hover:underline">
          Choose what you are told, and how
        </Link>
      </p>
      <PerRequest what="your notifications">
        <YourNotifications searchParams={searchParams} />
      </PerRequest>
    </div>
  );
}
