import type { Role } from "@/db/schema";

const RANK: Record<Role, number> = { member: 0, moderator: 1, admin: 2 };

/** True when `role` is `required` or above (admin ⊃ moderator ⊃ member). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export const ROLES: Role[] = ["member", "moderator", "admin"];
