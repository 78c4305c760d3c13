"use client";

import { ActionField, ActionForm, SubmitButton } from "@/components/comments/action-form";
import { hideReviewAction, restoreReviewAction } from "@/lib/moderation/actions";

/** A moderator hides a published review (with a reason) or publishes a hidden one again. */
export function ReviewModerationForm({ reviewId, hidden }: { reviewId: number; hidden: boolean }) {
  return (
    <details className="rounded border border-[var(--color-line)] p-3">
      <summary className="cursor-pointer text-sm font-medium">Moderator: {hidden ? "restore this review" : "hide this review"}</summary>
      <ActionForm
        action={hidden ? restoreReviewAction : hideReviewAction}
        idPrefix={`review-${reviewId}-moderation`}
        label={hidden ? "Restore this review" : "Hide this review"}
        className="mt-2 space-y-2"
      >
        <input type="hidden" name="reviewId" value={reviewId} />
        <ActionField
          name="reason"
          label={hidden ? "Reason for the log" : "Reason (the author sees it in the log)"}
          required={!hidden}
          maxLength={300}
          defaultValue={hidden ? "Restored after review" : undefined}
        />
        <SubmitButton tone={hidden ? "primary" : "danger"}>{hidden ? "Restore review" : "Hide review"}</SubmitButton>
      </ActionForm>
    </details>
  );
}
