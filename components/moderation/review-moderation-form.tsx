"use client";

import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import type { FormAction } from "@/lib/forms/action-state";
import { RULE_OPTIONS } from "@/lib/moderation/rules";
import { REASON_MAX } from "@/lib/moderation/schema";

/** A moderator hides a published review (with a reason) or publishes a hidden one again. */
export function ReviewModerationForm({
  reviewId,
  hidden,
  action,
}: {
  reviewId: number;
  hidden: boolean;
  /** Restore when hidden, hide otherwise. */
  action: FormAction;
}) {
  return (
    <Disclosure tone="button" label={`Moderator: ${hidden ? "restore this review" : "hide this review"}`}>
      <ActionForm
        action={action}
        idPrefix={`review-${reviewId}-moderation`}
        label={hidden ? "Restore this review" : "Hide this review"}
        className="space-y-2"
      >
        <input type="hidden" name="reviewId" value={reviewId} />
        {hidden ? null : <ActionField name="rule" label="Rule broken" as="select" required options={RULE_OPTIONS} />}
        <ActionField
          name="reason"
          label={hidden ? "Reason for the log" : "Reason (the author sees it on the review)"}
          required={!hidden}
          maxLength={REASON_MAX}
          defaultValue={hidden ? "Restored after review" : undefined}
        />
        <SubmitButton tone={hidden ? "primary" : "danger"}>{hidden ? "Restore review" : "Hide review"}</SubmitButton>
      </ActionForm>
    </Disclosure>
  );
}
