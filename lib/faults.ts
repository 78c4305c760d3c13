// No "server-only" here: start-up (instrumentation.ts) and db faults report through it.
import { logger, serializeError } from "./log";

/**
 * The one place the server reports a fault it handled (a database away, a
 * shutdown that ran out of time): one JSON line through the logger, `event`
 * naming what happened and `fields` the details. An error among them keeps
 * its name, code and message only (never a failed query's parameters).
 */
export function reportFault(event: string, fields: Record<string, unknown> = {}): void {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    details[key] = value instanceof Error ? serializeError(value) : value;
  }
  logger.error({ event, ...details }, event);
}
