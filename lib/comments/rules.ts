/**
 * The numbers and lists the comment rules are made of, without the schemas
 * (lib/comments/schema.ts) that check forms against them: the policy module
 * and the browser's per-reader controls read these, and so need no zod.
 */
export const COMMENT_MAX_LENGTH = 5000;
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
/** Five levels: depth 0 (a reply to the review) to depth 4. */
export const MAX_COMMENT_DEPTH = 4;

export const REPORT_REASONS = [
  { value: "spam", label: "Spam or advertising" },
  { value: "abuse", label: "Abuse or harassment" },
  { value: "spoilers", label: "Unmarked spoilers" },
  { value: "off-topic", label: "Off-topic" },
  { value: "other", label: "Something else" },
] as const;
