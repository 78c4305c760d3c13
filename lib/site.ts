import { env, listeningPort } from "./env";

/**
 * The public origin of the site, for absolute links in metadata and feeds:
 * MARQUEE_SITE_URL, else AUTH_URL, else (in development, where neither is
 * needed) localhost on the port the server listens on.
 */
export function siteUrl(): string {
  const config = env();
  return (config.MARQUEE_SITE_URL ?? config.AUTH_URL ?? `http://localhost:${listeningPort()}`).replace(/\/$/, "");
}
