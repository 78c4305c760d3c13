"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/forms/action-state";
import { buttonClass } from "@/components/ui/button";

const inputClass =
  "w-full max-w-sm rounded border border-[var(--color-line)] bg-[var(--color-card)] px-3 py-2 aria-[invalid=true]:border-[var(--color-accent)]";

/**
 * The account deletion form: what to do with reviews and comments, and the
 * handle typed to confirm. A plain form post before JavaScript loads.
 */
export function DeleteAccountForm({ action, handle }: { action: FormAction; handle: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errorOf = (field: string) => failed?.fieldErrors[field]?.[0];
  const confirmError = errorOf("confirmHandle");
  const chosen = (field: string, fallback: string) => failed?.values[field] ?? fallback;
  return (
    <form action={formAction} className="space-y-6">
      <fieldset className="space-y-2" aria-describedby={errorOf("reviews") ? "delete-reviews-error" : undefined}>
        <legend className="font-medium">Your reviews</legend>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="reviews"
            value="delete"
            defaultChecked={chosen("reviews", "delete") === "delete"}
            className="mt-1"
          />
          <span>Delete them, with the comments under them</span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="reviews"
            value="keep"
            defaultChecked={chosen("reviews", "delete") === "keep"}
            className="mt-1"
          />
          <span>Keep my published reviews, signed “a former member” (drafts are deleted either way)</span>
        </label>
        <p id="delete-reviews-error" className="text-sm text-[var(--color-accent)]">
          {errorOf("reviews")}
        </p>
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={errorOf("comments") ? "delete-comments-error" : undefined}>
        <legend className="font-medium">Your comments</legend>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="comments"
            value="keep"
            defaultChecked={chosen("comments", "keep") === "keep"}
            className="mt-1"
          />
          <span>Leave them in their threads, signed “a former member”, so replies still make sense</span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="comments"
            value="erase"
            defaultChecked={chosen("comments", "keep") === "erase"}
            className="mt-1"
          />
          <span>Erase their text too, leaving “Comment deleted” where replies need a place</span>
        </label>
        <p id="delete-comments-error" className="text-sm text-[var(--color-accent)]">
          {errorOf("comments")}
        </p>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="delete-confirm-handle" className="block font-medium">
          Type your handle, {handle}, to confirm
        </label>
        <input
          id="delete-confirm-handle"
          name="confirmHandle"
          type="text"
          autoComplete="off"
          spellCheck={false}
          defaultValue={failed?.values.confirmHandle ?? ""}
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? "delete-confirm-handle-error" : undefined}
          className={inputClass}
        />
        <p
          id="delete-confirm-handle-error"
          aria-live="polite"
          className="text-sm font-medium text-[var(--color-accent)]"
        >
          {confirmError}
        </p>
      </div>
      <p role="status" aria-live="polite" className="font-medium">
        {failed && !confirmError ? failed.message : null}
      </p>
      <button type="submit" disabled={pending} className={buttonClass("danger")}>
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
