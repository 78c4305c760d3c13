"use client";

import { ActionField, ActionForm, SubmitButton } from "@/components/comments/action-form";
import {
  approveCommentAction,
  dismissReportsAction,
  reinstateMemberAction,
  removeCommentAction,
  suspendMemberAction,
} from "@/lib/moderation/actions";

const summaryClass = "cursor-pointer text-sm font-medium text-[var(--color-accent)] hover:underline";
const panelClass = "mt-2 space-y-2 rounded border border-[var(--color-line)] bg-[var(--color-paper)] p-3";

/** A queue entry's decisions: remove with a reason, dismiss the reports, approve a held comment, suspend the author. */
export function QueueItemTools({
  commentId,
  held,
  removed,
  hasReports,
  authorHandle,
}: {
  commentId: number;
  held: boolean;
  removed: boolean;
  hasReports: boolean;
  authorHandle: string | null;
}) {
  const prefix = `queue-${commentId}`;
  return (
    <div className="flex flex-wrap items-start gap-x-5 gap-y-2">
      {!removed ? (
        <details>
          <summary className={summaryClass}>Remove comment</summary>
          <ActionForm action={removeCommentAction} idPrefix={`${prefix}-remove`} label="Remove this comment" className={panelClass}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="Reason shown in the thread" required maxLength={300} />
            <SubmitButton tone="danger">Remove</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {hasReports ? (
        <details>
          <summary className={summaryClass}>Dismiss reports</summary>
          <ActionForm action={dismissReportsAction} idPrefix={`${prefix}-dismiss`} label="Dismiss the reports" className={panelClass}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="Note for the log" maxLength={300} defaultValue="No rule broken" />
            <SubmitButton tone="plain">Dismiss</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {held && !removed ? (
        <ActionForm action={approveCommentAction} idPrefix={`${prefix}-approve`} label="Approve this comment">
          <input type="hidden" name="commentId" value={commentId} />
          <SubmitButton tone="plain">Approve and show</SubmitButton>
        </ActionForm>
      ) : null}
      {authorHandle ? (
        <details>
          <summary className={summaryClass}>Suspend @{authorHandle}</summary>
          <ActionForm action={suspendMemberAction} idPrefix={`${prefix}-suspend`} label={`Suspend @${authorHandle}`} className={panelClass}>
            <input type="hidden" name="handle" value={authorHandle} />
            <ActionField name="reason" label="Reason for the suspension" required maxLength={500} />
            <SubmitButton tone="danger">Suspend from posting</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}

export function ReinstateForm({ handle }: { handle: string }) {
  return (
    <ActionForm action={reinstateMemberAction} idPrefix={`reinstate-${handle}`} label={`Reinstate @${handle}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="handle" value={handle} />
      <ActionField name="reason" label="Note for the log" maxLength={500} defaultValue="Suspension served" />
      <SubmitButton tone="plain">Reinstate</SubmitButton>
    </ActionForm>
  );
}
