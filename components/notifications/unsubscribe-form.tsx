import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/forms/action-state";

/** The button that confirms turning reply e-mail off; it posts without JavaScript. */
export function UnsubscribeForm({ action, token }: { action: FormAction; token: string }) {
  return (
    <ActionForm action={action} idPrefix="unsubscribe" label="Stop reply e-mail" className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton>Stop e-mail about replies</SubmitButton>
    </ActionForm>
  );
}
