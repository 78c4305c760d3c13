import Link from "next/link";
import type { FormAction } from "@/lib/forms/action-state";
import { configuredProviders } from "@/lib/auth/provider-info";
import { MemberMenu } from "./member-menu";
import { ProviderButtons } from "./provider-buttons";

/**
 * The header's right side. Visitors: a "Sign in" link and a button per
 * configured provider, in the page every reader shares. Members: their menu,
 * drawn in the browser from the viewer payload (MemberMenu).
 */
export function AccountMenu({ signIn, signOut }: { signIn: FormAction; signOut: FormAction }) {
  const providers = configuredProviders();
  return (
    <MemberMenu
      signOut={signOut}
      visitor={
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Link href="/signin" className="font-medium text-[var(--color-accent)] hover:underline">
            Sign in
          </Link>
          {providers.length > 0 ? (
            <ProviderButtons
              action={signIn}
              providers={providers}
              size="small"
              labelFor={(p) => p.name}
              hiddenPrefix="Sign in with"
            />
          ) : null}
        </div>
      }
    />
  );
}
