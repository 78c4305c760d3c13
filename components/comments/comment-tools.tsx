"use client";

import type { FormAction } from "@/lib/forms/action-state";
import type { CommentControls } from "@/lib/policy";
import { REPORT_REASONS } from "@/lib/comments/schema";
import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";

/** The comment and moderation actions a page hands to its threads. */
export interface CommentActions {
  edit: FormAction;
  delete: FormAction;
  report: FormAction;
  remove: FormAction;
  restore: FormAction;
  approve: FormAction;
}

/**
 * Edit, delete, report and the moderator's controls under one comment; each
 * opens in place. Which ones show is decided by lib/policy (`controls`).
 */
export function CommentTools({
  commentId,
  source,
  controls,
  actions,
}: {
  commentId: number;
  source: string | null;
  controls: CommentControls;
  actions: CommentActions;
}) {
  const prefix = `comment-${commentId}`;
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
      {controls.edit ? (
        <Disclosure label="Edit">
          <ActionForm action={actions.edit} idPrefix={`${prefix}-edit`} label="Edit your comment">
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField
              name="body"
              label="Your comment"
              as="textarea"
              required
              maxLength={5000}
              defaultValue={source ?? ""}
              rows={4}
            />
            <SubmitButton>Save edit</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
      {controls.delete ? (
        <Disclosure label="Delete">
          <ActionForm action={actions.delete} idPrefix={`${prefix}-delete`} label="Delete your comment">
            <input type="hidden" name="commentId" value={commentId} />
            <p className="text-sm">Delete this comment? Its words are erased; replies to it stay.</p>
            <SubmitButton tone="danger">Yes, delete it</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
      {controls.report ? (
        <Disclosure label="Report">
          <ActionForm action={actions.report} idPrefix={`${prefix}-report`} label="Report this comment">
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="What is wrong?" as="select" required options={REPORT_REASONS} />
            <ActionField
              name="note"
              label="Note for the moderators (needed for “Something else”)"
              as="textarea"
              maxLength={500}
              rows={2}
            />
            <SubmitButton>Send report</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
      {controls.approve ? (
        <ActionForm action={actions.approve} idPrefix={`${prefix}-approve`} label="Approve this comment">
          <input type="hidden" name="commentId" value={commentId} />
          <SubmitButton tone="plain">Approve</SubmitButton>
        </ActionForm>
      ) : null}
      {controls.remove ? (
        <Disclosure label="Remove">
          <ActionForm action={actions.remove} idPrefix={`${prefix}-remove`} label="Remove this comment">
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="Reason shown in the thread" required maxLength={500} />
            <SubmitButton tone="danger">Remove comment</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
      {controls.restore ? (
        <Disclosure label="Restore">
          <ActionForm action={actions.restore} idPrefix={`${prefix}-restore`} label="Restore this comment">
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField
              name="reason"
              label="Reason for the log"
              maxLength={500}
              defaultValue="Restored after review"
            />
            <SubmitButton>Restore comment</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
    </div>
  );
}
