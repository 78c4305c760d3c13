import { isDatabaseUnavailable } from "@/db/errors";
import { noteDatabaseFault } from "@/db/client";
import { reportFault } from "@/lib/faults";

/** What a form says when the database could not take a write: nothing half-done, and the typing is kept. */
export const NOTHING_SAVED = "Nothing was saved; try again in a moment.";

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * If `error` means the database is away (or a statement ran out of time),
 * records it (so pages answer 503 until a ping answers again) and returns
 * true; any other error returns false and is for the caller to throw.
 */
export function handledDatabaseFault(error: unknown, where: string): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  noteDatabaseFault();
  reportFault("database_unavailable", { where, error });
  return true;
}

/** The plain page every page answers with while the database is away: no database, no React, no scripts. */
export function databaseAwayPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><title>Marquee is unavailable</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Marquee can't reach its database right now</h1>
<p>Nothing you saved before is lost. Try again in a few seconds; this page will work again as soon as the database is back.</p>
</body>
</html>
`;
}

/** The 503 answer the proxy gives a page while the database is away. */
export function databaseAwayResponse(): Response {
  return new Response(databaseAwayPage(), {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
    },
  });
}
