"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useOptimistic } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { COMMENT_MAX_LENGTH, postCommentSchema } from "@/lib/comments/schema";
import { buttonClass } from "@/components/ui/button";

const bodySchema = postCommentSchema.pick({ body: true });
type Values = { body: string };

/**
 * "Leave a Reply" and each "Reply": react-hook-form checks the text with the
 * same schema as the server; the comment shows at once as "posting…" and the
 * text stays in the box if the server refuses it. Posts without JavaScript too.
 */
export function CommentForm({
  action,
  reviewId,
  parentId,
  idPrefix,
  label,
  autoFocus,
}: {
  action: FormAction;
  reviewId: number;
  parentId?: number;
  idPrefix: string;
  label: string;
  autoFocus?: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const [optimistic, addOptimistic] = useOptimistic<string[], string>([], (list, body) => [...list, body]);
  const kept = state && !state.ok ? (state.values.body ?? "") : "";
  const form = useForm<Values>({ resolver: zodResolver(bodySchema), defaultValues: { body: kept } });
  const { errors } = form.formState;
  const bodyId = `${idPrefix}-body`;

  useEffect(() => {
    if (!state) return;
    if (state.ok) form.reset({ body: "" });
    else if (state.fieldErrors.body?.[0]) form.setError("body", { message: state.fieldErrors.body[0] });
  }, [state, form]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit((values) => {
      const data = new FormData(element);
      data.set("body", values.body);
      startTransition(() => {
        addOptimistic(values.body);
        formAction(data);
      });
    })(event);
  };

  const error = errors.body?.message;
  const length = useWatch({ control: form.control, name: "body" })?.length ?? 0;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" noValidate>
      <input type="hidden" name="reviewId" value={reviewId} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <label htmlFor={bodyId} className="block font-medium">
        {label}
      </label>
      <textarea
        id={bodyId}
        rows={4}
        maxLength={COMMENT_MAX_LENGTH}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${bodyId}-hint${error ? ` ${bodyId}-error` : ""}`}
        className="w-full rounded border border-[var(--color-line)] bg-[var(--color-card)] px-3 py-2"
        {...form.register("body")}
      />
      <p id={`${bodyId}-hint`} className="text-xs text-[var(--color-muted)]">
        Plain text with *emphasis*, **bold** and links. {length.toLocaleString("en")}/
        {COMMENT_MAX_LENGTH.toLocaleString("en")}
      </p>
      {error ? (
        <p id={`${bodyId}-error`} className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Posting…" : "Post comment"}
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={state && !state.ok ? "text-sm text-red-700 dark:text-red-300" : "text-sm"}
      >
        {state && !state.ok && !state.fieldErrors.body ? state.message : state?.ok ? state.message : ""}
      </p>
      {optimistic.map((body, i) => (
        <div key={i} className="rounded border border-dashed border-[var(--color-line)] p-3 text-sm">
          <p className="text-[var(--color-muted)]">Your comment (posting…)</p>
          <p className="whitespace-pre-wrap">{body}</p>
        </div>
      ))}
    </form>
  );
}
