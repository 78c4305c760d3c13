"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { StarRatingInput } from "@/components/ratings/star-rating-input";
import {
  BODY_MAX,
  reviewFormSchema,
  VERDICT_MAX,
  type ReviewField,
  type ReviewFormInput,
  type ReviewFormOutput,
  type ReviewFormValues,
  reviewValuesFrom,
} from "@/lib/reviews/schema";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { buttonClass } from "@/components/ui/button";

const FIELDS: ReviewField[] = ["halfStars", "verdict", "body", "containsSpoilers", "intent"];

const noSubscription = () => () => {};

const inputClass =
  "w-full rounded border border-[var(--color-line)] bg-[var(--color-card)] px-3 py-2 aria-[invalid=true]:border-[var(--color-accent)]";

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm font-medium text-[var(--color-accent)]">
      {message}
    </p>
  );
}

/**
 * Write or edit a review. One zod schema checks it here and again on the
 * server; the server's messages land next to their fields, and what was typed
 * comes back with them, so a refused save loses nothing. A plain form
 * underneath: without JavaScript the browser posts it to the same action.
 */
export function ReviewForm({
  action,
  filmSlug,
  filmTitle,
  initialValues,
  published,
}: {
  action: FormAction;
  filmSlug: string;
  filmTitle: string;
  initialValues: ReviewFormValues;
  /** True when editing a review that readers can already see. */
  published: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const shown = state && !state.ok ? reviewValuesFrom(state.values) : initialValues;
  const form = useForm<ReviewFormInput, unknown, ReviewFormOutput>({
    resolver: zodResolver(reviewFormSchema),
    defaultValues: { ...shown, intent: undefined },
    mode: "onTouched",
  });
  const { errors } = form.formState;
  // Before hydration (or with no JavaScript at all) the server's messages are
  // shown straight from the action state; afterwards react-hook-form holds them.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const serverErrors = !hydrated && state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    if (!state || state.ok) return;
    form.reset({ ...reviewValuesFrom(state.values), intent: undefined }, { keepDefaultValues: true });
    let focused = false;
    for (const field of FIELDS) {
      const message = state.fieldErrors[field]?.[0];
      if (!message) continue;
      form.setError(field, { type: "server", message }, { shouldFocus: !focused && field !== "intent" });
      focused ||= field !== "intent";
    }
  }, [state, form]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent = submitter instanceof HTMLButtonElement && submitter.value === "publish" ? "publish" : "draft";
    const data = new FormData(event.currentTarget);
    data.set("intent", intent);
    form.setValue("intent", intent);
    void form.handleSubmit(() => {
      startTransition(() => formAction(data));
    })();
  }

  const error = (field: ReviewField) => errors[field]?.message ?? serverErrors[field]?.[0];
  const describedBy = (field: ReviewField, hintId?: string) =>
    [hintId, error(field) ? `review-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const message = state?.message ?? "";

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6"
      aria-label={`Your review of ${filmTitle}`}
    >
      <input type="hidden" name="film" value={filmSlug} />
      <StarRatingInput
        idPrefix="review-halfStars"
        legend="Your rating"
        hint="Needed to publish; a draft can wait for one. Saving the review also saves this as your rating of the film."
        defaultValue={/^[0-8]$/.test(shown.halfStars) ? Number(shown.halfStars) : null}
        error={error("halfStars")}
        inputProps={form.register("halfStars")}
      />

      <div className="space-y-1">
        <label htmlFor="review-verdict" className="block font-medium">
          Verdict
        </label>
        <p id="review-verdict-hint" className="text-sm text-[var(--color-muted)]">
          One line, up to {VERDICT_MAX} characters. It closes your review: “My Rating: 4/4 – your verdict”.
        </p>
        <input
          id="review-verdict"
          type="text"
          defaultValue={shown.verdict}
          aria-invalid={error("verdict") ? true : undefined}
          aria-describedby={describedBy("verdict", "review-verdict-hint")}
          className={inputClass}
          {...form.register("verdict")}
        />
        <FieldError id="review-verdict-error" message={error("verdict")} />
      </div>

      <div className="space-y-1">
        <label htmlFor="review-body" className="block font-medium">
          Review text
        </label>
        <p id="review-body-hint" className="text-sm text-[var(--color-muted)]">
          Markdown works: *emphasis*, **strong**, [links](https://example.com), lists, quotes and `code`. HTML and
          images are not shown. Up to {BODY_MAX.toLocaleString("en-GB")} characters.
        </p>
        <textarea
          id="review-body"
          rows={14}
          defaultValue={shown.body}
          aria-invalid={error("body") ? true : undefined}
          aria-describedby={describedBy("body", "review-body-hint")}
          className={`${inputClass} font-serif leading-relaxed`}
          {...form.register("body")}
        />
        <FieldError id="review-body-error" message={error("body")} />
      </div>

      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input
            id="review-containsSpoilers"
            type="checkbox"
            defaultChecked={shown.containsSpoilers}
            aria-describedby={describedBy("containsSpoilers", "review-containsSpoilers-hint")}
            className="h-4 w-4"
            {...form.register("containsSpoilers")}
          />
          <label htmlFor="review-containsSpoilers" className="font-medium">
            This review contains spoilers
          </label>
        </div>
        <p id="review-containsSpoilers-hint" className="text-sm text-[var(--color-muted)]">
          Readers then see your verdict, and open the review itself only if they want to.
        </p>
        <FieldError id="review-containsSpoilers-error" message={error("containsSpoilers")} />
      </div>

      <div className="space-y-2">
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="publish" disabled={pending} className={buttonClass("primary")}>
            {published ? "Update review" : "Publish"}
          </button>
          <button
            type="submit"
            name="intent"
            value="draft"
            disabled={pending}
            className="rounded border border-[var(--color-line)] px-5 py-2 font-medium disabled:opacity-60"
          >
            {published ? "Unpublish and keep as draft" : "Save draft"}
          </button>
        </div>
        <FieldError id="review-intent-error" message={error("intent")} />
        <p
          role="status"
          aria-live="polite"
          className={`text-sm ${state && !state.ok ? "font-medium text-[var(--color-accent)]" : ""}`}
        >
          {pending ? "Saving…" : message}
        </p>
      </div>
    </form>
  );
}
