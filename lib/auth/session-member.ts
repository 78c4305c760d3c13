import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { SessionMember } from "./config";
import { earliestLiveSignIn } from "./session-cookie";

/**
 * The member whose unexpired database session (used within the sliding
 * lifetime, signed in within the absolute one) has this token, or null: the
 * read Auth.js's adapter makes for every signed-in request (the session
 * joined to its user), made directly, one indexed query. Auth.js still makes
 * and ends sessions (sign-in, sign-out); only the read skips its machinery,
 * which on every request built the whole configuration and a Request to
 * answer this one question.
 */
export async function memberOfSession(sessionToken: string): Promise<SessionMember | null> {
  // Auth.js's tokens are UUIDs; anything far longer is not one of ours.
  if (sessionToken.length === 0 || sessionToken.length > 200) return null;
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      image: users.image,
      role: users.role,
      suspendedAt: users.suspendedAt,
      suspendedUntil: users.suspendedUntil,
      suspensionReason: users.suspensionReason,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.sessionToken, sessionToken),
        gt(sessions.expires, now),
        // The absolute lifetime: Auth.js's adapter refuses the same sessions (lib/auth/adapter.ts).
        gt(sessions.createdAt, earliestLiveSignIn(now)),
      ),
    )
    .limit(1);
  return row ?? null;
}
