import { z } from "zod";
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from "@/lib/text";

/** Handles appear in URLs (/members/maya): 3–30 lower-case letters, digits, dashes or underscores. */
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((h) => !hasUnsafeCharacters(h), UNSAFE_TEXT_MESSAGE)
  .min(3, "A handle needs at least 3 characters.")
  .max(30, "A handle can be at most 30 characters.")
  .regex(/^[a-z0-9_-]+$/, "Use only letters, digits, dashes and underscores.")
  .regex(/^[a-z0-9]/, "Start the handle with a letter or a digit.")
  .refine((h) => !RESERVED_HANDLES.has(h), "That handle is reserved; please choose another.");

export const RESERVED_HANDLES = new Set([
  "admin",
  "administrator",
  "moderator",
  "moderation",
  "marquee",
  "api",
  "account",
  "signin",
  "signout",
  "settings",
  "support",
  "staff",
  "system",
  "root",
  "deleted",
]);

/** A handle suggestion from a display name or email: "Maya Okafor" → "maya-okafor". */
export function suggestHandle(source: string | null | undefined): string {
  const base = (source ?? "")
    .split("@")[0]!
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 24);
  const candidate = base.length >= 3 ? base : `member${base ? `-${base}` : ""}`;
  return RESERVED_HANDLES.has(candidate) ? `${candidate}-1` : candidate;
}
