import { z } from "zod";

/**
 * Ids and page numbers from URLs and forms, parsed one way everywhere. No
 * server imports: forms validate with these on the client too.
 */

/** The largest id a PostgreSQL `integer` column holds. */
export const MAX_ID = 2_147_483_647;
/** No list is paged further than this; a larger page number is treated as past the end. */
export const MAX_PAGE = 10_000;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A positive integer id sent by a form (usually as a string); `message` when it is missing or malformed. */
export function idField(message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z.coerce.number({ error: message }).int(message).min(1, message).max(MAX_ID, message),
  );
}

/** An optional id: blank means "none". */
export function optionalIdField(message: string) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), idField(message).optional());
}

/** An id from a URL segment or query ("12"), or null when it is not one. */
export function parseId(value: unknown): number | null {
  const text = first(value);
  if (typeof text !== "string" || !/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/**
 * A page number from a query (`?page=3`): 1 when missing or malformed; a
 * number beyond MAX_PAGE becomes MAX_PAGE + 1, which every list shows as
 * past its end.
 */
export function parsePage(value: unknown): number {
  const text = first(value);
  if (typeof text !== "string" || !/^[0-9]+$/.test(text)) return 1;
  const page = text.length > 6 ? Infinity : Number(text);
  if (page < 1) return 1;
  return Math.min(page, MAX_PAGE + 1);
}

/** The placeholder a page with a slug in its path is prerendered with at build time: not a slug, so a 404 before any query. */
export const PLACEHOLDER_SLUG = "-";

/** Whether `value` can be a catalogue slug (lower-case words joined by hyphens); anything else is a 404 without a query. */
export function isSlug(value: string): boolean {
  return value.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
