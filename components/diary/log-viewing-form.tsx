"use client";

import { useActionState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { formatRating } from "@/lib/ratings/scale";
import { FIRST_DIARY_DATE } from "@/lib/diary/schema";

const RATINGS = Array.from({ length: 9 }, (_, halfStars) => ({
  value: String(halfStars),
  label: formatRating(halfStars),
}));
const inputClass = "w-full rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1";

/**
 * Log a viewing of one film: the day (today unless changed), a rewatch
 * mark, an optional rating, the member's review if they wrote one, and
 * "Remove from my watchlist" when the film is on it. A plain form: it posts
 * before JavaScript loads, and a refusal keeps what was typed and says what
 * is wrong next to the field.
 */
export function LogViewingForm({
  action,
  film,
  today,
  latest,
  halfStars,
  hasReview,
  onWatchlist,
}: {
  action: FormAction;
  film: { id: number; title: string };
  /** The date the form starts with ("2026-12-04"). */
  today: string;
  /** The latest date the server accepts. */
  latest: string;
  /** The member's current rating of the film, if any. */
  halfStars: number | null;
  hasReview: boolean;
  onWatchlist: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const errorOf = (name: string) => failed?.fieldErrors[name]?.[0];
  const kept = (name: string) => failed?.values[name];
  const ticked = (name: string, byDefault: boolean) => (failed ? failed.values[name] === "on" : byDefault);
  const invalidProps = (name: string) =>
    errorOf(name) ? { "aria-invalid": true, "aria-describedby": `log-${name}-error` } : {};
  return (
    <form action={formAction} aria-label={`Log a viewing of ${film.title}`} className="space-y-4">
      <input type="hidden" name="filmId" value={film.id} />
      <Field name="watchedOn" label="Date watched" error={errorOf("watchedOn")}>
        <input
          id="log-watchedOn"
          name="watchedOn"
          type="date"
          required
          min={FIRST_DIARY_DATE}
          max={latest}
          // A refused value is shown again as it was sent, with the message beside it.
          key={kept("watchedOn") ?? today}
          defaultValue={kept("watchedOn") ?? today}
          className={inputClass}
          {...invalidProps("watchedOn")}
        />
      </Field>
      <Check name="rewatch" label="I had seen it before (a rewatch)" defaultChecked={ticked("rewatch", false)} />
      <Field name="halfStars" label="Your rating (optional)" error={errorOf("halfStars")}>
        <select
          id="log-halfStars"
          name="halfStars"
          key={kept("halfStars") ?? ""}
          defaultValue={kept("halfStars") ?? ""}
          className={inputClass}
          {...invalidProps("halfStars")}
        >
          <option value="">{halfStars === null ? "No rating" : `Keep my rating (${formatRating(halfStars)})`}</option>
          {RATINGS.map((rating) => (
            <option key={rating.value} value={rating.value}>
              {rating.label}
            </option>
          ))}
        </select>
      </Field>
      {hasReview ? (
        <Check
          name="linkReview"
          label="Link my review of this film"
          defaultChecked={ticked("linkReview", true)}
          error={errorOf("linkReview")}
        />
      ) : null}
      {onWatchlist ? (
        <Check
          name="removeFromWatchlist"
          label="Remove from my watchlist"
          defaultChecked={ticked("removeFromWatchlist", true)}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          Log this viewing
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`text-sm ${failed ? "font-medium text-red-700 dark:text-red-300" : ""}`}
        >
          {pending ? "Saving…" : (state?.message ?? "")}
        </p>
      </div>
    </form>
  );
}

function Field({
  name,
  label,
  error,
  children,
}: {
  name: string;
  label: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="max-w-xs space-y-1">
      <label htmlFor={`log-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`log-${name}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Check({
  name,
  label,
  defaultChecked,
  error,
}: {
  name: string;
  label: string;
  defaultChecked: boolean;
  error?: string;
}) {
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name={name}
          key={String(defaultChecked)}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `log-${name}-error` : undefined}
        />
        {label}
      </label>
      {error ? (
        <p id={`log-${name}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
