"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { KIND_LABELS, NOTIFICATION_KINDS } from "@/lib/notifications/schema";

type Choices = Record<(typeof NOTIFICATION_KINDS)[number], { inApp: boolean; email: boolean }>;

const CHANNELS = [
  { key: "inApp", label: "In the app" },
  { key: "email", label: "By e-mail" },
] as const;

/**
 * One box per kind and channel. It posts without JavaScript; a refusal keeps
 * the boxes as they were ticked and names the box at fault beside it.
 */
export function NotificationSettingsForm({ action, choices }: { action: FormAction; choices: Choices }) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} aria-label="Notification settings" aria-busy={pending} className="space-y-4">
      {NOTIFICATION_KINDS.map((kind) => (
        <fieldset key={kind} className="rounded border border-[var(--color-line)] p-3">
          <legend className="px-1 font-medium">{KIND_LABELS[kind]}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {CHANNELS.map((channel) => {
              const name = `${kind}.${channel.key}`;
              const id = `notify-${kind}-${channel.key}`;
              const error = failed?.fieldErrors[name]?.[0];
              const checked = failed ? failed.values[name] === "on" : choices[kind][channel.key];
              return (
                <div key={name}>
                  <label htmlFor={id} className="inline-flex items-center gap-2">
                    <input
                      id={id}
                      key={`${name}-${String(checked)}`}
                      type="checkbox"
                      name={name}
                      defaultChecked={checked}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      className="h-4 w-4"
                    />
                    {channel.label}
                  </label>
                  {error ? (
                    <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
                      {error}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <button type="submit" className={buttonClass("primary", "small")}>
        Save the settings
      </button>
      <p role="status" aria-live="polite" className={failed ? "text-sm text-red-700 dark:text-red-300" : "text-sm"}>
        {state?.message ?? ""}
      </p>
    </form>
  );
}
