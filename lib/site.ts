import { env } from "./env";

/** The public origin of the site, for absolute links in metadata and feeds. */
export function siteUrl(): string {
  const config = env();
  return (config.MARQUEE_SITE_URL ?? config.AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
