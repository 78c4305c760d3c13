"use client";

import { useState, type ComponentPropsWithRef } from "react";
import { formatRating, MAX_HALF_STARS } from "@/lib/ratings/scale";

type RadioProps = Omit<ComponentPropsWithRef<"input">, "type" | "value" | "id" | "defaultChecked" | "checked">;

const HALVES = Array.from({ length: MAX_HALF_STARS }, (_, i) => i + 1);

/**
 * The four-point scale on one row: a "0" and four stars of two halves each,
 * every one a native radio (0, ½, 1 … 4) in a fieldset, named by the rating it
 * stands for ("3½/4"). Tab reaches the group, the arrow keys move by half a
 * point, a pointer shows the value it is over and a click or tap chooses it.
 * The stars fill from CSS (`.rating-row` in globals.css), so the group works
 * and shows its choice without JavaScript inside a plain form; react-hook-form
 * passes its `register` result as `inputProps`.
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
  const [chosen, setChosen] = useState<number | null>(defaultValue ?? null);
  const [pointing, setPointing] = useState<number | null>(null);
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const shown = pointing ?? chosen;

  const radio = (halfStars: number) => (
    <input
      {...inputProps}
      type="radio"
      name={inputProps?.name ?? name}
      value={String(halfStars)}
      id={`${idPrefix}-${halfStars}`}
      defaultChecked={defaultValue === halfStars}
      className="sr-only"
    />
  );

  return (
    <fieldset
      role="radiogroup"
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className="space-y-2"
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLInputElement && target.type === "radio" && target.checked) {
          setChosen(Number(target.value));
        }
      }}
    >
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-[var(--color-muted)]">
          {hint}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <div className="rating-row" onPointerLeave={() => setPointing(null)}>
          <label className="rating-choice rating-zero" onPointerEnter={() => setPointing(0)}>
            {radio(0)}
            <span aria-hidden="true">0</span>
            <span className="sr-only">{formatRating(0)}</span>
          </label>
          {HALVES.map((halfStars) => (
            <label
              key={halfStars}
              className="rating-choice rating-half"
              data-side={halfStars % 2 === 1 ? "left" : "right"}
              onPointerEnter={() => setPointing(halfStars)}
            >
              {radio(halfStars)}
              <span className="rating-shape" aria-hidden="true" />
              <span className="sr-only">{formatRating(halfStars)}</span>
            </label>
          ))}
        </div>
        {/* What a pointer is over, or the choice: the radios announce themselves to assistive technology. */}
        <span aria-hidden="true" data-rating-readout className="min-w-12 text-sm font-medium tabular-nums">
          {shown === null ? "" : formatRating(shown)}
        </span>
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-[var(--color-accent)]">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
