import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";

/** The order in which a member's accounts sign: the one they last signed in with (or chose), then the newest linked. */
export const signingOrder = [sql`${accounts.lastUsedAt} desc nulls last`, desc(accounts.linkedAt)];

/** A member's linked accounts, the one that signs their comments first. */
export async function listSigningAccounts(
  memberId: string,
): Promise<{ provider: string; providerAccountId: string }[]> {
  const db = await getDb();
  return db
    .select({ provider: accounts.provider, providerAccountId: accounts.providerAccountId })
    .from(accounts)
    .where(eq(accounts.userId, memberId))
    .orderBy(...signingOrder);
}

/**
 * Records that a member just signed in with (or linked) this account: from
 * now on it signs their new comments, until they sign in with or choose another.
 */
export async function markAccountUsed(provider: string, providerAccountId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(accounts)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)));
}
