import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/forms/action-state";
import { LIST_DESCRIPTION_MAX, LIST_TITLE_MAX } from "@/lib/lists/schema";

const VISIBILITY = [
  { value: "public", label: "Public: anyone can see it" },
  { value: "private", label: "Private: only you can see it" },
] as const;

/** The title, description and visibility of a list, new or existing; it posts without JavaScript. */
export function ListForm({
  action,
  list,
  submit,
}: {
  action: FormAction;
  list?: { id: number; title: string; description: string; isPublic: boolean };
  submit: string;
}) {
  return (
    <ActionForm action={action} idPrefix="list" label={list ? "Edit the list" : "New list"} className="space-y-4">
      {list ? <input type="hidden" name="listId" value={list.id} /> : null}
      <ActionField name="title" label="Title" required maxLength={LIST_TITLE_MAX} defaultValue={list?.title} />
      <ActionField
        name="description"
        label="Description (Markdown, optional)"
        as="textarea"
        rows={5}
        maxLength={LIST_DESCRIPTION_MAX}
        defaultValue={list?.description}
      />
      <ActionField
        name="visibility"
        label="Who can see it"
        as="select"
        options={VISIBILITY}
        defaultValue={list ? (list.isPublic ? "public" : "private") : "public"}
      />
      <SubmitButton>{submit}</SubmitButton>
    </ActionForm>
  );
}
