import { exactTime } from "@/components/comments/format-time";
import { Disclosure } from "@/components/ui/disclosure";
import type { ReviewEvidence } from "@/lib/moderation/evidence";

const STATE_WORDS = { removed: "Removed", held: "Held for moderation", reported: "Reported" } as const;

function When({ at }: { at: string }) {
  return <time dateTime={at}>{exactTime(new Date(at))}</time>;
}

/**
 * What the moderation log kept of a deleted review: the comments moderators
 * dealt with or were asked about, in their own words (shown as plain text,
 * the Markdown source), and the reports on them.
 */
export function ReviewEvidencePanel({ evidence }: { evidence: ReviewEvidence }) {
  const { review, comments, reports } = evidence;
  const film = `${review.film.title}${review.film.year ? ` (${review.film.year})` : ""}`;
  return (
    <Disclosure label={`What was kept (${comments.length} ${comments.length === 1 ? "comment" : "comments"})`}>
      <p>
        Review of {film}: “{review.verdict}”
        {review.status === "hidden" ? `, hidden by a moderator (${review.hiddenReason ?? "no reason given"})` : ""}.
      </p>
      {review.body ? <p className="whitespace-pre-wrap">{review.body}</p> : null}
      {comments.length > 0 ? (
        <ul aria-label={`Comments kept from review ${review.id}`} className="space-y-3">
          {comments.map((comment) => {
            const against = reports.filter((r) => r.commentId === comment.id);
            return (
              <li key={comment.id} className="space-y-1 border-t border-[var(--color-line)] pt-2">
                <p className="text-xs text-[var(--color-muted)]">
                  Comment {comment.id} by {comment.author}, <When at={comment.createdAt} />.{" "}
                  {STATE_WORDS[comment.state]}
                  {comment.removalReason ? `: ${comment.removalReason}` : ""}
                </p>
                <p className="whitespace-pre-wrap">{comment.body}</p>
                {against.length > 0 ? (
                  <ul aria-label={`Reports on comment ${comment.id}`} className="list-disc pl-5 text-xs">
                    {against.map((report) => (
                      <li key={report.id}>
                        {report.reporter} reported it as {report.reason}
                        {report.note ? ` (“${report.note}”)` : ""}, <When at={report.createdAt} />
                        {report.resolution ? `; ${report.resolution}` : "; still open"}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Disclosure>
  );
}
