import type { ReactNode } from "react";

/**
 * A control that opens a panel in place (a form, a menu, more text). It is
 * a `<details>` so it works before JavaScript loads and by keyboard; its
 * summary is drawn as a button with an open/closed marker, so it looks like
 * the control it is.
 */
export function Disclosure({
  label,
  children,
  className,
  panelClassName,
  tone = "link",
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  panelClassName?: string;
  /** "link": a small text control under a comment; "button": a bordered button. */
  tone?: "link" | "button";
}) {
  const summary =
    tone === "button"
      ? "inline-flex cursor-pointer list-none items-center gap-1 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-3 py-1 text-sm font-medium hover:border-[var(--color-ink)]"
      : "inline-flex cursor-pointer list-none items-center gap-1 rounded px-1 text-sm font-medium text-[var(--color-accent)] hover:underline";
  return (
    <details className={`group ${className ?? ""}`}>
      <summary className={`${summary} [&::-webkit-details-marker]:hidden`}>
        <span>{label}</span>
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div
        className={
          panelClassName ?? "mt-2 space-y-2 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3"
        }
      >
        {children}
      </div>
    </details>
  );
}
