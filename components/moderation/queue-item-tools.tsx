"use client";

import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import type { FormAction } from "@/lib/forms/action-state";
import { RULE_OPTIONS } from "@/lib/moderation/rules";
import { REASON_MAX } from "@/lib/moderation/schema";

/** The queue's actions, handed down by the moderation page. */
export interface QueueActions {
  remove: FormAction;
  dismiss: FormAction;
  approve: FormAction;
  suspend: FormAction;
}

/**
 * A queue entry's decisions: remove with a reason, dismiss the reports,
 * approve a held comment, suspend the author. Which ones show is decided by
 * lib/policy on the page (`controls`).
 */
export function QueueItemTools({
  commentId,
  authorHandle,
  controls,
  actions,
}: {
  commentId: number;
  authorHandle: string | null;
  controls: { remove: boolean; dismiss: boolean; approve: boolean; suspend: boolean };
  actions: QueueActions;
}) {
  const prefix = `queue-${commentId}`;
  // Each form is a landmark: its name says which comment, so a queue of several stays distinguishable.
  const which = `comment ${commentId}${authorHandle ? ` by @${authorHandle}` : ""}`;
  return (
    <div className="flex flex-wrap items-start gap-x-5 gap-y-2">
      {controls.remove ? (
        <Disclosure label="Remove comment">
          <ActionForm action={actions.remove} idPrefix={`${prefix}-remove`} label={`Remove ${which}`}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="rule" label="Rule broken" as="select" required options={RULE_OPTIONS} />
            <ActionField name="reason" label="Reason shown in the thread" required maxLength={REASON_MAX} />
            <SubmitButton tone="danger">Remove</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
      {controls.dismiss ? (
        <Disclosure label="Dismiss reports">
          <ActionForm action={actions.dismiss} idPrefix={`${prefix}-dismiss`} label={`Dismiss the reports on ${which}`}>
            <input type="hidden" name="commentId" value={commentId} />
            <ActionField name="reason" label="Note for the log" maxLength={REASON_MAX} defaultValue="No rule broken" />
            <SubmitButton tone="plain">Dismiss</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
      {controls.approve ? (
        <ActionForm action={actions.approve} idPrefix={`${prefix}-approve`} label={`Approve ${which}`}>
          <input type="hidden" name="commentId" value={commentId} />
          <SubmitButton tone="plain">Approve and show</SubmitButton>
        </ActionForm>
      ) : null}
      {controls.suspend && authorHandle ? (
        <Disclosure label={`Suspend @${authorHandle}`}>
          <ActionForm
            action={actions.suspend}
            idPrefix={`${prefix}-suspend`}
            label={`Suspend @${authorHandle} over comment ${commentId}`}
          >
            <input type="hidden" name="handle" value={authorHandle} />
            <ActionField name="reason" label="Reason for the suspension" required maxLength={REASON_MAX} />
            <ActionField name="until" type="date" label="Last day (leave blank to suspend until lifted)" />
            <SubmitButton tone="danger">Suspend from posting</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
    </div>
  );
}

export function ReinstateForm({ action, handle }: { action: FormAction; handle: string }) {
  return (
    <ActionForm
      action={action}
      idPrefix={`reinstate-${handle}`}
      label={`Reinstate @${handle}`}
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="handle" value={handle} />
      <ActionField name="reason" label="Note for the log" maxLength={REASON_MAX} defaultValue="Suspension served" />
      <SubmitButton tone="plain">Reinstate</SubmitButton>
    </ActionForm>
  );
}
