"use client";

import { deleteCommentAction, editCommentAction, reportCommentAction } from "@/lib/comments/actions";
import { REPORT_REASONS } from "@/lib/comments/schema";
import { approveCommentAction, removeCommentAction, restoreCommentAction } from "@/lib/moderation/actions";
import { ActionField, ActionForm, SubmitButton } from "./action-form";

const summaryClass = "cursor-pointer text-sm text-[var(--color-accent)] hover:underline";
const panelClass = "mt-2 space-y-2 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3";

/** Edit, delete, report and moderator controls under one comment; each opens in place. */
export function CommentTools({
  commentId,
  source,
  canEdit,
  canDelete,
  canReport,
  canModerate,
  state,
}: {
  commentId: number;
  source: string | null;
  canEdit: boolean;
  canDelete: boolean;
  canReport: boolean;
  canModerate: boolean;
  state: "visible" | "removed" | "held" | "deleted";
}) {
  const prefix = `comment-${commentId}`;
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
      {canEdit ? (
        <details>
          <summary className={summaryClass}>Edit</summary>
          <ActionForm action={editCommentAction} idPrefix={`${prefix}-edit`} label="Edit your comment" className={panelClass}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="body" label="Your comment" as="textarea" required maxLength={5000} defaultValue={source ?? ""} rows={4} />
            <SubmitButton>Save edit</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {canDelete ? (
        <details>
          <summary className={summaryClass}>Delete</summary>
          <ActionForm action={deleteCommentAction} idPrefix={`${prefix}-delete`} label="Delete your comment" className={panelClass}>
            <input type="hidden" name="commentId" value={commentId} />
            <p className="text-sm">Delete this comment? Its words are erased; replies to it stay.</p>
            <SubmitButton tone="danger">Yes, delete it</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {canReport ? (
        <details>
          <summary className={summaryClass}>Report</summary>
          <ActionForm action={reportCommentAction} idPrefix={`${prefix}-report`} label="Report this comment" className={panelClass}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="What is wrong?" as="select" required options={REPORT_REASONS} />
            <ActionField name="note" label="Note for the moderators (needed for “Something else”)" as="textarea" maxLength={500} rows={2} />
            <SubmitButton>Send report</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {canModerate && state === "held" ? (
        <ActionForm action={approveCommentAction} idPrefix={`${prefix}-approve`} label="Approve this comment">
          <input type="hidden" name="commentId" value={commentId} />
          <SubmitButton tone="plain">Approve</SubmitButton>
        </ActionForm>
      ) : null}
      {canModerate && (state === "visible" || state === "held") ? (
        <details>
          <summary className={summaryClass}>Remove</summary>
          <ActionForm action={removeCommentAction} idPrefix={`${prefix}-remove`} label="Remove this comment" className={panelClass}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="Reason shown in the thread" required maxLength={300} />
            <SubmitButton tone="danger">Remove comment</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {canModerate && state === "removed" ? (
        <details>
          <summary className={summaryClass}>Restore</summary>
          <ActionForm action={restoreCommentAction} idPrefix={`${prefix}-restore`} label="Restore this comment" className={panelClass}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="Reason for the log" maxLength={300} defaultValue="Restored after review" />
            <SubmitButton>Restore comment</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}
