import { inject } from "vitest";
import type { E2EContext } from "./global-setup";

/** The running app, its OIDC provider and its database, as the global setup started them. */
export function e2e(): E2EContext {
  return inject("e2e");
}

/** An absolute URL on the app under test. */
export function appUrl(pathname: string): string {
  return new URL(pathname, e2e().baseUrl).href;
}
