import "server-only";
import { env } from "@/lib/env";
import { buildProviders, type ConfiguredProvider } from "./providers";

/** The sign-in providers this deployment offers, in the order they are shown. */
export function configuredProviders(): ConfiguredProvider[] {
  return buildProviders(env()).configured;
}

const KNOWN_NAMES: Record<string, string> = {
  google: "Google",
  twitter: "Twitter/X",
  facebook: "Facebook",
  wordpress: "WordPress import",
};

/**
 * The name to show for a provider id, including providers a member linked
 * once that this deployment no longer offers (the demo accounts, say).
 */
export function providerName(id: string): string {
  if (id === "oidc") return env().AUTH_OIDC_NAME ?? "OpenID Connect";
  return KNOWN_NAMES[id] ?? id;
}

/** "Twitter/X, Google or Facebook": the configured providers' names for a sentence, or "" when none is. */
export function providerNamesInWords(): string {
  const names = configuredProviders().map((provider) => provider.name);
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
