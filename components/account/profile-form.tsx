"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import {
  PROFILE_FIELDS,
  profileSchema,
  type Profile,
  type ProfileField,
  type ProfileInput,
} from "@/lib/account/profile-schema";
import { buttonClass } from "@/components/ui/button";
import { useViewerActions } from "@/components/viewer/viewer-context";

const subscribeNothing = () => () => {};

const inputClass =
  "w-full max-w-sm rounded border border-[var(--color-line)] bg-[var(--color-card)] px-3 py-2 aria-[invalid=true]:border-[var(--color-accent)]";

/**
 * Display name and handle. Checked in the browser with the same zod schema
 * the server action uses; the server's answer (a taken handle, say) lands next
 * to its field. A plain form post before JavaScript loads.
 */
export function ProfileForm({
  action,
  initial,
}: {
  action: FormAction<Profile>;
  initial: Record<ProfileField, string>;
}) {
  const [state, formAction, pending] = useActionState<ActionState<Profile> | null, FormData>(action, null);
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const defaults = state
    ? state.ok
      ? (state.data ?? initial)
      : { name: state.values.name ?? "", handle: state.values.handle ?? "" }
    : initial;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<ProfileInput, unknown, Profile>({
    resolver: zodResolver(profileSchema),
    defaultValues: defaults,
    mode: "onTouched",
  });

  const { refresh } = useViewerActions();
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (state.data) reset(state.data);
      // The header's menu shows the new name.
      refresh();
      return;
    }
    for (const field of PROFILE_FIELDS) {
      const message = state.fieldErrors[field]?.[0];
      if (message) setError(field, { type: "server", message }, { shouldFocus: true });
    }
  }, [state, setError, reset, refresh]);

  // Until the page hydrates (or without JavaScript) the server's answer is all there is.
  const serverErrors = !hydrated && state && !state.ok ? state.fieldErrors : {};
  const errorFor = (field: ProfileField) => errors[field]?.message ?? serverErrors[field]?.[0];

  const field = (name: ProfileField, label: string, hint: string) => {
    const error = errorFor(name);
    const id = `profile-${name}`;
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-[var(--color-muted)]">
          {hint}
        </p>
        <input
          id={id}
          type="text"
          autoComplete={name === "name" ? "nickname" : "username"}
          defaultValue={defaults[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          className={inputClass}
          {...register(name)}
        />
        <p id={`${id}-error`} aria-live="polite" className="text-sm font-medium text-[var(--color-accent)]">
          {error ?? ""}
        </p>
      </div>
    );
  };

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={(event) => {
        const formElement = event.currentTarget;
        void handleSubmit(() => {
          startTransition(() => formAction(new FormData(formElement)));
        })(event);
      }}
      className="space-y-4"
    >
      {field("name", "Display name", "Shown beside your reviews and comments. Up to 50 characters.")}
      {field(
        "handle",
        "Handle",
        "Your profile address, /members/your-handle: 3 to 30 lower-case letters, digits, dashes or underscores.",
      )}
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : "Save profile"}
        </button>
        <p role="status" aria-live="polite" className="text-sm">
          {state?.message ?? ""}
        </p>
      </div>
    </form>
  );
}
