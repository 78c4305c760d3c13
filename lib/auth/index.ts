import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { auth, type SessionMember } from "./config";
import type { Role } from "./roles";
import { sessionCookie } from "./session-cookie";

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
  // A visitor has no session cookie: answer at once instead of building Auth.js's
  // configuration and request for nothing, on every page a visitor reads.
  const jar = await cookies();
  if (!jar.has(sessionCookie(false).name) && !jar.has(sessionCookie(true).name)) return null;
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
