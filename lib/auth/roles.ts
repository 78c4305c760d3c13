/**
 * The roles, lowest first: the one list the app uses (the database's `role`
 * enum holds the same three; a unit test keeps them equal). No server imports.
 */
export const ROLES = ["member", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { member: 0, moderator: 1, admin: 2 };

/** True when `role` is `required` or above (admin ⊃ moderator ⊃ member). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
