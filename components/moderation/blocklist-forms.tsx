"use client";

import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/forms/action-state";

export function AddBlockedTermForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      action={action}
      idPrefix="blocklist-add"
      label="Add a blocked term"
      className="flex flex-wrap items-end gap-3"
    >
      <ActionField name="term" label="Word or phrase" required maxLength={80} />
      <SubmitButton>Add to blocklist</SubmitButton>
    </ActionForm>
  );
}

export function RemoveBlockedTermForm({ action, id, term }: { action: FormAction; id: number; term: string }) {
  return (
    <ActionForm
      action={action}
      idPrefix={`blocklist-remove-${id}`}
      label={`Remove “${term}”`}
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton tone="plain">
        Remove<span className="sr-only"> “{term}”</span>
      </SubmitButton>
    </ActionForm>
  );
}
