import type { Metadata } from "next";
import Link from "next/link";
import { exactTime } from "@/components/comments/format-time";
import { QueueItemTools, ReinstateForm } from "@/components/moderation/queue-item-tools";
import { Pagination } from "@/components/ui/pagination";
import { REPORT_REASONS } from "@/lib/comments/schema";
import { getModerationQueue, listSuspendedMembers } from "@/lib/moderation/queue";
import { requireModerator } from "./guard";
import { parsePage } from "@/lib/params";
import { mayOpenAdmin, queueControls } from "@/lib/policy";
import {
  approveCommentAction,
  dismissReportsAction,
  reinstateMemberAction,
  removeCommentAction,
  suspendMemberAction,
} from "./actions";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = { title: "Moderation queue", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const reasonLabel = (reason: string) => REPORT_REASONS.find((r) => r.value === reason)?.label ?? reason;

const queueActions = {
  remove: removeCommentAction,
  dismiss: dismissReportsAction,
  approve: approveCommentAction,
  suspend: suspendMemberAction,
};

async function ModerationQueuePageContent({ searchParams }: { searchParams: SearchParams }) {
  const moderator = await requireModerator("/moderation");
  const params = await searchParams;
  const [queue, suspended] = await Promise.all([
    getModerationQueue(parsePage(params.page)),
    listSuspendedMembers(parsePage(params.spage)),
  ]);
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Moderation queue</h1>
        <nav aria-label="Moderation pages" className="flex flex-wrap gap-4">
          <Link href="/moderation/log" className="text-[var(--color-accent)] hover:underline">
            Moderation log
          </Link>
          {mayOpenAdmin(moderator) ? (
            <Link href="/admin/blocklist" className="text-[var(--color-accent)] hover:underline">
              Comment blocklist
            </Link>
          ) : null}
        </nav>
      </div>

      <section aria-labelledby="queue-heading" className="space-y-4">
        <h2 id="queue-heading" className="font-serif text-2xl font-semibold">
          Reported and held comments{" "}
          <span className="text-base font-normal text-[var(--color-muted)]">({queue.total})</span>
        </h2>
        {queue.items.length === 0 ? (
          <p className="text-[var(--color-muted)]">Nothing waits for a moderator. The queue is clear.</p>
        ) : (
          <ol className="space-y-6">
            {queue.items.map((item) => (
              <li
                key={item.commentId}
                className="space-y-3 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-4"
              >
                <p className="text-sm text-[var(--color-muted)]">
                  Comment by {item.authorHandle ? `@${item.authorHandle}` : "a former member"} on{" "}
                  <Link
                    href={`/reviews/${item.reviewId}#comment-${item.commentId}`}
                    className="text-[var(--color-accent)] underline"
                  >
                    a review of {item.filmTitle}
                  </Link>
                  , posted <time dateTime={item.postedAt.toISOString()}>{exactTime(item.postedAt)}</time>
                  {item.held ? ` · held for moderation${item.heldReason ? `: ${item.heldReason}` : ""}` : ""}
                  {item.removed ? " · already removed" : ""}
                </p>
                <blockquote className="whitespace-pre-wrap border-l-4 border-[var(--color-line)] pl-3">
                  {item.body}
                </blockquote>
                {item.reports.length > 0 ? (
                  <div>
                    <h3 className="text-sm font-semibold">
                      {item.reports.length} {item.reports.length === 1 ? "report" : "reports"}
                      {item.firstReportedAt ? `, first ${exactTime(item.firstReportedAt)}` : ""}
                    </h3>
                    <ul className="list-disc pl-5 text-sm">
                      {item.reports.map((report, i) => (
                        <li key={i}>
                          {reasonLabel(report.reason)} (@{report.reporter}){report.note ? `: ${report.note}` : ""}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {item.author?.suspended ? (
                  <p className="text-sm font-medium">@{item.author.handle} is suspended from posting.</p>
                ) : null}
                <QueueItemTools
                  commentId={item.commentId}
                  authorHandle={item.authorHandle}
                  controls={queueControls(moderator, { ...item, reportCount: item.reports.length })}
                  actions={queueActions}
                />
              </li>
            ))}
          </ol>
        )}
        <Pagination
          page={queue.page}
          pageCount={queue.pageCount}
          hrefFor={(p) => `/moderation?page=${p}`}
          label="Queue pages"
        />
      </section>

      <section aria-labelledby="suspended-heading" className="space-y-4">
        <h2 id="suspended-heading" className="font-serif text-2xl font-semibold">
          Suspended members <span className="text-base font-normal text-[var(--color-muted)]">({suspended.total})</span>
        </h2>
        {suspended.items.length === 0 ? (
          <p className="text-[var(--color-muted)]">No member is suspended.</p>
        ) : (
          <ul className="space-y-4">
            {suspended.items.map((member) => (
              <li key={member.handle} className="space-y-2 rounded border border-[var(--color-line)] p-3">
                <p>
                  <Link href={`/members/${member.handle}`} className="font-medium hover:underline">
                    {member.name ?? member.handle} (@{member.handle})
                  </Link>{" "}
                  <span className="text-sm text-[var(--color-muted)]">
                    since <time dateTime={member.suspendedAt.toISOString()}>{exactTime(member.suspendedAt)}</time>
                    {member.reason ? `: ${member.reason}` : ""}
                  </span>
                </p>
                <ReinstateForm action={reinstateMemberAction} handle={member.handle} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={suspended.page}
          pageCount={suspended.pageCount}
          hrefFor={(p) => `/moderation?spage=${p}`}
          label="Suspended member pages"
        />
      </section>
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function ModerationQueuePage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <PerRequest what="the moderation queue">
      <ModerationQueuePageContent searchParams={searchParams} />
    </PerRequest>
  );
}
