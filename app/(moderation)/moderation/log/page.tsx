import type { Metadata } from "next";
import Link from "next/link";
import { exactTime } from "@/components/comments/format-time";
import { ReviewEvidencePanel } from "@/components/moderation/review-evidence";
import { Pagination } from "@/components/ui/pagination";
import {
  ACTION_WORDS,
  listLoggedActions,
  listModerationLog,
  type LogEntry,
  type LogFilters,
} from "@/lib/moderation/queue";
import { houseRule } from "@/lib/moderation/rules";
import { requireModerator } from "../guard";
import { buttonClass } from "@/components/ui/button";
import { parsePage } from "@/lib/params";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = { title: "Moderation log", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TARGET_TYPES = ["comment", "review", "member", "report", "blocklist"] as const;
const fieldClass = "rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1";

const one = (value: string | string[] | undefined, max = 100) => {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  return text.length <= max ? text : "";
};

function targetLink(entry: LogEntry): string | null {
  if (entry.targetType === "comment" && entry.reviewId) return `/reviews/${entry.reviewId}#comment-${entry.targetId}`;
  if (entry.targetType === "review" && entry.action !== "review.delete") return `/reviews/${entry.targetId}`;
  if (entry.targetType === "member" && entry.targetHandle) return `/members/${entry.targetHandle}`;
  if (entry.targetType === "blocklist") return "/admin/blocklist";
  return null;
}

/** "@maya" for a member, "comment 12" for the rest. */
function targetLabel(entry: LogEntry): string {
  if (entry.targetType === "member" && entry.targetHandle) return `@${entry.targetHandle}`;
  return `${entry.targetType} ${entry.targetId}`;
}

async function ModerationLogPageContent({ searchParams }: { searchParams: SearchParams }) {
  await requireModerator("/moderation/log");
  const params = await searchParams;
  const filters: LogFilters = {
    actor: one(params.actor) || undefined,
    action: one(params.action) || undefined,
    targetType: TARGET_TYPES.find((t) => t === one(params.targetType)),
    targetId: one(params.targetId) || undefined,
    page: parsePage(params.page),
  };
  const [log, actions] = await Promise.all([listModerationLog(filters), listLoggedActions()]);
  const query = (p: number) => {
    const search = new URLSearchParams();
    if (filters.actor) search.set("actor", filters.actor);
    if (filters.action) search.set("action", filters.action);
    if (filters.targetType) search.set("targetType", filters.targetType);
    if (filters.targetId) search.set("targetId", filters.targetId);
    if (p > 1) search.set("page", String(p));
    const qs = search.toString();
    return qs ? `/moderation/log?${qs}` : "/moderation/log";
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Moderation log</h1>
        <Link href="/moderation" className="text-[var(--color-accent)] hover:underline">
          Back to the queue
        </Link>
      </div>
      <p className="text-sm text-[var(--color-muted)]">
        Every moderation action, newest first. Entries cannot be changed or deleted.
      </p>
      <form
        method="get"
        action="/moderation/log"
        aria-label="Filter the log"
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="log-actor">Moderator handle</label>
          <input id="log-actor" name="actor" defaultValue={filters.actor ?? ""} maxLength={40} className={fieldClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={filters.action ?? ""} className={fieldClass}>
            <option value="">Any action</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="log-target-type">Target</label>
          <select id="log-target-type" name="targetType" defaultValue={filters.targetType ?? ""} className={fieldClass}>
            <option value="">Anything</option>
            {TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="log-target-id">Target id</label>
          <input
            id="log-target-id"
            name="targetId"
            defaultValue={filters.targetId ?? ""}
            maxLength={80}
            className={fieldClass}
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        <Link href="/moderation/log" className="py-1.5 text-[var(--color-accent)] hover:underline">
          Clear
        </Link>
      </form>
      {log.items.length === 0 ? (
        <p className="text-[var(--color-muted)]">No entries match.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Moderation actions, newest first</caption>
            <thead>
              <tr className="border-b border-[var(--color-line)]">
                <th scope="col" className="py-2 pr-3">
                  When
                </th>
                <th scope="col" className="py-2 pr-3">
                  Who
                </th>
                <th scope="col" className="py-2 pr-3">
                  Action
                </th>
                <th scope="col" className="py-2 pr-3">
                  Target
                </th>
                <th scope="col" className="py-2">
                  Rule and reason
                </th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((entry) => {
                const href = targetLink(entry);
                return (
                  <tr key={entry.id} className="border-b border-[var(--color-line)] align-top">
                    <td className="py-2 pr-3">
                      <time dateTime={entry.createdAt.toISOString()}>{exactTime(entry.createdAt)}</time>
                    </td>
                    <td className="py-2 pr-3">{entry.actorLabel}</td>
                    <td className="py-2 pr-3">
                      {ACTION_WORDS[entry.action] ?? entry.action}
                      {entry.fromRole && entry.toRole ? ` (${entry.fromRole} → ${entry.toRole})` : ""}{" "}
                      <code className="text-xs text-[var(--color-muted)]">{entry.action}</code>
                    </td>
                    <td className="py-2 pr-3">
                      {href ? (
                        <Link href={href} className="text-[var(--color-accent)] hover:underline">
                          {targetLabel(entry)}
                        </Link>
                      ) : (
                        targetLabel(entry)
                      )}
                    </td>
                    <td className="py-2">
                      {entry.rule ? (
                        <span className="block font-medium">{houseRule(entry.rule)?.title ?? entry.rule}</span>
                      ) : null}
                      {entry.reason ?? "—"}
                      {entry.evidence ? <ReviewEvidencePanel evidence={entry.evidence} /> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={log.page} pageCount={log.pageCount} hrefFor={query} label="Log pages" />
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function ModerationLogPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <PerRequest what="the moderation log">
      <ModerationLogPageContent searchParams={searchParams} />
    </PerRequest>
  );
}
