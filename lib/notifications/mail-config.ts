import "server-only";
import { env } from "@/lib/env";

/** Whether this site sends e-mail (SMTP_URL is set). */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}
