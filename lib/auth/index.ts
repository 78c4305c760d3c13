import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { onPrimary } from "@/db/client";
import { isSuspended } from "@/lib/policy";
import { siteUrl } from "@/lib/site";
import { memberOfSession } from "./session-member";
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
  /** While suspended: the moderator's reason and the end (ISO time), null for "until lifted". */
  suspension?: { reason: string | null; until: string | null };
}

/**
 * The member behind this request's session, or null for a visitor. One query
 * (the session joined to its user), cached for the rest of the request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  // The __Secure- cookie is the one an https site sets. The plain name counts only on a site
  // served over http: on https it could have been planted by a sibling host (cookie tossing).
  const token =
    jar.get(sessionCookie(true).name)?.value ??
    (siteUrl().startsWith("http:") ? jar.get(sessionCookie(false).name)?.value : undefined);
  // A visitor has no session cookie: answered without a query, on every page a visitor reads.
  if (!token) return null;
  // From the primary: a session made by a sign-in a moment ago may not have reached a replica yet.
  const member = await onPrimary(() => memberOfSession(token));
  if (!member) return null;
  const suspended = isSuspended(member);
  return {
    id: member.id,
    handle: member.handle,
    name: member.name ?? member.handle,
    image: member.image,
    role: member.role,
    suspended,
    ...(suspended
      ? { suspension: { reason: member.suspensionReason, until: member.suspendedUntil?.toISOString() ?? null } }
      : {}),
  };
});
