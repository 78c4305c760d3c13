import type { FormAction } from "@/lib/forms/action-state";
import type { ConfiguredProvider } from "@/lib/auth/providers";
import { ProviderMark } from "./provider-mark";

/**
 * One button per configured provider, each a small form posting to the
 * sign-in action, so it works before (or without) JavaScript.
 * `labelFor` words each button: "Sign in with Google", "Link your Google account";
 * `hiddenPrefix` starts the name screen readers hear where the visible label
 * is short (the header shows "Google", a screen reader says "Sign in with Google").
 */
export function ProviderButtons({
  action,
  providers,
  callbackUrl,
  labelFor = (p) => `Sign in with ${p.name}`,
  hiddenPrefix,
  size = "large",
}: {
  /** The sign-in action (app/signin/actions.ts). */
  action: FormAction;
  providers: ConfiguredProvider[];
  callbackUrl?: string;
  labelFor?: (provider: ConfiguredProvider) => string;
  hiddenPrefix?: string;
  size?: "large" | "small";
}) {
  const buttonClass =
    size === "large"
      ? "flex w-full items-center gap-3 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-4 py-2 font-medium hover:border-[var(--color-ink)]"
      : "flex items-center gap-2 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1 text-sm hover:border-[var(--color-ink)]";
  return (
    <ul className={size === "large" ? "max-w-sm space-y-3" : "flex flex-wrap items-center gap-2"}>
      {providers.map((provider) => (
        <li key={provider.id}>
          <form action={action}>
            <input type="hidden" name="provider" value={provider.id} />
            {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
            <button type="submit" className={buttonClass}>
              <ProviderMark
                provider={provider.id}
                className={size === "large" ? "h-5 w-5 shrink-0" : "h-4 w-4 shrink-0"}
              />
              <span>
                {hiddenPrefix ? <span className="sr-only">{hiddenPrefix} </span> : null}
                {labelFor(provider)}
              </span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
