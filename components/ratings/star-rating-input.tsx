import type { ComponentPropsWithRef } from "react";
import { formatRating, MAX_HALF_STARS } from "@/lib/ratings/scale";
import { Stars } from "./stars";

type RadioProps = Omit<ComponentPropsWithRef<"input">, "type" | "value" | "id" | "defaultChecked" | "checked">;

const OPTIONS = Array.from({ length: MAX_HALF_STARS + 1 }, (_, halfStars) => halfStars);

/**
 * The four-point scale as nine native radio buttons (0, ½, 1 … 4) in a
 * fieldset: Tab reaches the group, the arrow keys move between ratings, and
 * each radio is named by the rating it stands for ("3½/4"). Works without
 * JavaScript inside a plain form; react-hook-form passes its `register`
 * result as `inputProps`.
 */
export function StarRatingInput({
  idPrefix,
  legend,
  name = "halfStars",
  defaultValue,
  error,
  hint,
  inputProps,
}: {
  /** Makes the ids unique when a page has more than one rating group. */
  idPrefix: string;
  legend: string;
  name?: string;
  /** The rating to start on, in half stars; null or undefined for none. */
  defaultValue?: number | null;
  error?: string;
  hint?: string;
  inputProps?: RadioProps;
}) {
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      role="radiogroup"
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className="space-y-2"
    >
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-[var(--color-muted)]">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {OPTIONS.map((halfStars) => (
          <label key={halfStars} className="relative cursor-pointer">
            <input
              {...inputProps}
              type="radio"
              name={inputProps?.name ?? name}
              value={String(halfStars)}
              id={`${idPrefix}-${halfStars}`}
              defaultChecked={defaultValue === halfStars}
              className="peer sr-only"
            />
            <span
              className={[
                "flex flex-col items-center gap-1 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1.5 text-sm",
                "text-[var(--color-accent)] hover:border-[var(--color-accent)]",
                "peer-checked:border-[var(--color-accent)] peer-checked:bg-[var(--color-accent)] peer-checked:text-[var(--color-accent-ink)]",
                "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[var(--color-accent)]",
              ].join(" ")}
            >
              <Stars halfStars={halfStars} className="h-3.5" />
              <span className="font-medium">{formatRating(halfStars)}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-[var(--color-accent)]">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
