"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, type ReactNode } from "react";
import { useViewerActions } from "@/components/viewer/viewer-context";
import { buttonClass, type ButtonTone } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

/**
 * A one-button form ("Mark as read", "Mark all as read"): it posts without
 * JavaScript; with it, a success redraws the list and the header's count.
 */
export function NoticeForm({
  action,
  label,
  fields,
  children,
  tone = "plain",
}: {
  action: FormAction;
  label: string;
  fields?: Record<string, string | number>;
  children: ReactNode;
  tone?: ButtonTone;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const router = useRouter();
  const { refresh } = useViewerActions();
  useEffect(() => {
    if (!state?.ok) return;
    refresh();
    router.refresh();
  }, [state, refresh, router]);
  return (
    <form
      action={formAction}
      aria-label={label}
      aria-busy={pending}
      className="inline-flex flex-wrap items-center gap-2"
    >
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={buttonClass(tone, "small")}>
        {children}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={state?.ok === false ? "text-sm text-red-700 dark:text-red-300" : "text-sm"}
      >
        {state && !state.ok ? state.message : ""}
      </span>
    </form>
  );
}
