"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/forms/action-state";

/**
 * The file field of the Letterboxd import. Works as a plain multipart post
 * before JavaScript loads; the server's message lands next to the field.
 */
export function LetterboxdUploadForm({ action, maxMegabytes }: { action: FormAction; maxMegabytes: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? (state.fieldErrors.files?.[0] ?? state.message) : null;
  return (
    <form action={formAction} encType="multipart/form-data" className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="letterboxd-files" className="block font-medium">
          Your Letterboxd export
        </label>
        <p id="letterboxd-files-hint" className="text-sm text-[var(--color-muted)]">
          The ZIP from Letterboxd (Settings → Import &amp; Export → Export your data), or any of its ratings.csv,
          reviews.csv, diary.csv, watched.csv and watchlist.csv. Up to {maxMegabytes} MB a file.
        </p>
        <input
          id="letterboxd-files"
          name="files"
          type="file"
          multiple
          accept=".zip,.csv,application/zip,text/csv"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "letterboxd-files-hint letterboxd-files-error" : "letterboxd-files-hint"}
          className="block"
        />
        <p id="letterboxd-files-error" aria-live="polite" className="text-sm font-medium text-[var(--color-accent)]">
          {error}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-[var(--color-ink)] px-4 py-2 font-medium text-[var(--color-paper)] disabled:opacity-60"
      >
        {pending ? "Reading…" : "Read the export"}
      </button>
    </form>
  );
}
