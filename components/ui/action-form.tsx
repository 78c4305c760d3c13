"use client";

import { createContext, useActionState, useContext, useEffect, type ReactNode } from "react";
import { useViewerActions } from "@/components/viewer/viewer-context";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { buttonClass, type ButtonTone } from "./button";

const StateContext = createContext<{ state: ActionState | null; idPrefix: string }>({ state: null, idPrefix: "" });

/**
 * A small form around a server action: it posts without JavaScript, and with
 * it shows the action's message in a live region and each field's error next
 * to the field (see ActionField).
 */
export function ActionForm({
  action,
  idPrefix,
  label,
  children,
  className,
}: {
  action: FormAction;
  idPrefix: string;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const { refresh } = useViewerActions();
  // What the reader just did may change what the page's per-reader parts show (a signing account, say).
  useEffect(() => {
    if (state?.ok) refresh();
  }, [state, refresh]);
  return (
    <form action={formAction} aria-label={label} aria-busy={pending} className={className}>
      <StateContext value={{ state, idPrefix }}>{children}</StateContext>
      <p
        id={`${idPrefix}-status`}
        role="status"
        aria-live="polite"
        className={state?.ok === false ? "text-sm text-red-700 dark:text-red-300" : "text-sm"}
      >
        {/* A failure about a field is said once, next to that field (which announces it). */}
        {state && (state.ok || Object.keys(state.fieldErrors).length === 0) ? state.message : ""}
      </p>
    </form>
  );
}

/** A labelled text input, textarea or select whose error shows beneath it. */
export function ActionField({
  name,
  label,
  as = "input",
  required,
  maxLength,
  defaultValue,
  options,
  rows,
  type = "text",
}: {
  name: string;
  label: string;
  as?: "input" | "textarea" | "select";
  required?: boolean;
  maxLength?: number;
  defaultValue?: string;
  options?: readonly { value: string; label: string }[];
  rows?: number;
  /** For an input: a date field gives the browser's date picker. */
  type?: "text" | "date";
}) {
  const { state, idPrefix } = useContext(StateContext);
  const id = `${idPrefix}-${name}`;
  const error = state && !state.ok ? state.fieldErrors[name]?.[0] : undefined;
  const kept = state && !state.ok ? state.values[name] : undefined;
  const value = typeof kept === "string" ? kept : defaultValue;
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    className: "w-full rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1",
  } as const;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {as === "textarea" ? (
        <textarea {...common} key={value} defaultValue={value} maxLength={maxLength} rows={rows ?? 3} />
      ) : as === "select" ? (
        <select {...common} key={value} defaultValue={value ?? ""}>
          <option value="" disabled>
            Choose…
          </option>
          {options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} key={value} defaultValue={value} maxLength={maxLength} />
      )}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, tone = "primary" }: { children: ReactNode; tone?: ButtonTone }) {
  return (
    <button type="submit" className={buttonClass(tone, "small")}>
      {children}
    </button>
  );
}
