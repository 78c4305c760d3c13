"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { buttonClass } from "@/components/ui/button";

type Summary = { lines: string[] };

/** The WordPress export upload; after the import, its summary. A plain post before JavaScript loads. */
export function WordPressUploadForm({ action }: { action: FormAction<Summary> }) {
  const [state, formAction, pending] = useActionState<ActionState<Summary> | null, FormData>(action, null);
  const fileError = state && !state.ok ? state.fieldErrors.file?.[0] : undefined;
  const categoryError = state && !state.ok ? state.fieldErrors.category?.[0] : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-describedby="wxr-status">
      <div className="space-y-1">
        <label htmlFor="wxr-file" className="block font-medium">
          WordPress export file
        </label>
        <input
          id="wxr-file"
          name="file"
          type="file"
          accept=".xml,application/xml,text/xml"
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "wxr-file-error wxr-file-hint" : "wxr-file-hint"}
          className="block"
        />
        <p id="wxr-file-hint" className="text-sm text-[var(--color-muted)]">
          The .xml file from WordPress&apos;s Tools → Export (“All content” or “Posts”), up to 20 MB.
        </p>
        {fileError ? (
          <p id="wxr-file-error" className="text-sm font-medium text-[var(--color-accent)]">
            {fileError}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor="wxr-category" className="block font-medium">
          Only posts in this category (optional)
        </label>
        <input
          id="wxr-category"
          name="category"
          type="text"
          maxLength={200}
          defaultValue={state && !state.ok ? state.values.category : ""}
          aria-invalid={categoryError ? true : undefined}
          aria-describedby={categoryError ? "wxr-category-error" : undefined}
          className="w-64 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
        />
        {categoryError ? (
          <p id="wxr-category-error" className="text-sm font-medium text-[var(--color-accent)]">
            {categoryError}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary", "small")}>
        {pending ? "Importing…" : "Import"}
      </button>
      <div id="wxr-status" aria-live="polite" className="space-y-1">
        {state ? (
          <p className={state.ok ? "font-medium" : "font-medium text-[var(--color-accent)]"}>{state.message}</p>
        ) : null}
        {state?.ok && state.data ? (
          <ul className="list-disc space-y-1 pl-5" aria-label="Import summary">
            {state.data.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
