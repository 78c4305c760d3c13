/**
 * Where a page of activity starts: just after the item with this time, kind
 * and key. The time keeps PostgreSQL's microseconds, so two items saved in
 * the same millisecond are never skipped or shown twice. No server imports.
 */

export const ACTIVITY_KINDS = ["rating", "review", "diary", "list", "list_film"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityCursor {
  /** UTC, with six decimals: 2026-12-04T17:59:46.123456Z. */
  at: string;
  kind: ActivityKind;
  key: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const KEY = /^[A-Za-z0-9-]{1,64}(?:\/\d{1,12})?$/;

/** The cursor as it goes in `?after=`. */
export function encodeCursor(cursor: ActivityCursor): string {
  return `${cursor.at}~${cursor.kind}~${cursor.key}`;
}

/** The cursor in `?after=`, or null for anything that is not one (the first page is shown instead). */
export function decodeCursor(value: unknown): ActivityCursor | null {
  if (typeof value !== "string" || value.length > 120) return null;
  const [at, kind, key, ...rest] = value.split("~");
  if (rest.length > 0 || !at || !kind || !key) return null;
  if (!AT.test(at) || !KEY.test(key) || !(ACTIVITY_KINDS as readonly string[]).includes(kind)) return null;
  return { at, kind: kind as ActivityKind, key };
}
