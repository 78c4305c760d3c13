import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isSuspended } from "@/lib/policy";

/** A member as their public profile shows them: no email, no account details. */
export interface MemberProfile {
  id: string;
  handle: string;
  name: string;
  suspended: boolean;
  joinedAt: Date;
  /** "wordpress" for an author brought in by an import, who has no sign-in account yet. */
  importedFrom: string | null;
}

/** The member with `handle`, or null. One query. */
export async function getMemberByHandle(handle: string): Promise<MemberProfile | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: sql<string>`coalesce(${users.name}, ${users.handle})`,
      suspendedAt: users.suspendedAt,
      suspendedUntil: users.suspendedUntil,
      joinedAt: users.createdAt,
      importedFrom: users.importedFrom,
    })
    .from(users)
    .where(eq(users.handle, handle))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    suspended: isSuspended(row),
    joinedAt: row.joinedAt,
    importedFrom: row.importedFrom,
  };
}
