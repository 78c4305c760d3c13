"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

const FIELDS = "textarea, input:not([type=hidden]), select, button, a[href]";
const noSubscription = () => () => {};

/** False while the server's HTML is hydrated, true from then on (and at once for anything mounted later). */
function useEnhanced(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A button that opens a panel in place (a form, more text). Before JavaScript
 * loads it is a `<details>`, which opens and closes by itself; once loaded it
 * is a real button (aria-expanded, aria-controls) that moves the focus into
 * the panel when it opens, and back to itself when Escape or the button
 * closes it. The panel's content is mounted when first opened, so a closed
 * panel fetches nothing.
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
  const enhanced = useEnhanced();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const details = useRef<HTMLDetailsElement>(null);

  // Opened before JavaScript took over: stay open.
  useEffect(() => {
    if (details.current?.open) {
      setOpen(true);
      setOpened(true);
    }
  }, []);

  // Into the panel's first field, or the first one to appear (a form that loads its text first).
  useEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    const focusFirst = () => {
      const field = element.querySelector<HTMLElement>(FIELDS);
      if (!field) return false;
      field.focus();
      return true;
    };
    if (focusFirst()) return;
    const watcher = new MutationObserver(() => {
      if (focusFirst()) watcher.disconnect();
    });
    watcher.observe(element, { childList: true, subtree: true });
    return () => watcher.disconnect();
  }, [open]);

  const control =
    tone === "button"
      ? "inline-flex cursor-pointer list-none items-center gap-1 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-3 py-1 text-sm font-medium hover:border-[var(--color-ink)]"
      : "inline-flex cursor-pointer list-none items-center gap-1 rounded px-1 text-sm font-medium text-[var(--color-accent)] hover:underline";
  const panelClass =
    panelClassName ?? "mt-2 space-y-2 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3";

  if (!enhanced) {
    return (
      <details ref={details} className={`group ${className ?? ""}`}>
        <summary className={`${control} [&::-webkit-details-marker]:hidden`}>
          <span>{label}</span>
          <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className={panelClass}>{children}</div>
      </details>
    );
  }

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className={className}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        className={control}
        onClick={() => {
          if (open) return close();
          setOpen(true);
          setOpened(true);
        }}
      >
        <span>{label}</span>
        <span aria-hidden="true" className={`text-xs transition-transform ${open ? "rotate-180" : ""}`}>
          ▾
        </span>
      </button>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        className={panelClass}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          event.stopPropagation();
          close();
        }}
      >
        {opened ? children : null}
      </div>
    </div>
  );
}
