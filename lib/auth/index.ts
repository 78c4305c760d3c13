import "server-only";
import { cache } from "react";
import type { Role } from "./roles";
import { auth, type SessionMember } from "./config";

/** The signed-in member as pages and actions see it: never a whole row. */
export interface CurrentUser {
  id: string;
  handle: string;
  name: string;
  image: string | null;
  role: Role;
  suspended: boolean;
}

/**
 * The member behind this request's session, or null for a visitor. One query
 * (the session joined to its user), cached for the rest of the request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { member?: SessionMember } | null;
  const member = session?.member;
  if (!member) return null;
  return {
    id: member.id,
    handle: member.handle,
    name: member.name ?? member.handle,
    image: member.image,
    role: member.role,
    suspended: member.suspendedAt !== null && member.suspendedAt !== undefined,
  };
});
