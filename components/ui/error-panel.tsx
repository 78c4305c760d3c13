"use client";

import { buttonClass } from "./button";

/** Shown by each route's error boundary: says what happened and offers a retry. */
export function ErrorPanel({ what, reset, digest }: { what: string; reset: () => void; digest?: string }) {
  return (
    <div role="alert" className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p>We could not load {what}. This is our fault, not yours; please try again.</p>
      {digest ? <p className="text-sm text-[var(--color-muted)]">Reference: {digest}</p> : null}
      <button type="button" onClick={reset} className={buttonClass("primary")}>
        Try again
      </button>
    </div>
  );
}
