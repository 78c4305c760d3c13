// No "server-only" here: start-up (instrumentation.ts) and db faults report through it.

/**
 * The one place the server reports a fault it handled (a database away, a
 * shutdown that ran out of time): one JSON line on stderr, `event` naming
 * what happened and `fields` the details, so a log pipeline can route it.
 */
export function reportFault(event: string, fields: Record<string, unknown> = {}): void {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    details[key] =
      value instanceof Error
        ? { message: value.message, code: (value as { code?: unknown }).code, name: value.name }
        : value;
  }
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), event, ...details }));
}
