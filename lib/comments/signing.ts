import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";

/** A member's linked accounts, the one that signs their comments first. */
export async function listSigningAccounts(
  memberId: string,
): Promise<{ provider: string; providerAccountId: string }[]> {
  const db = await getDb();
  return db
    .select({ provider: accounts.provider, providerAccountId: accounts.providerAccountId })
    .from(accounts)
    .where(eq(accounts.userId, memberId))
    .orderBy(sql`${accounts.lastUsedAt} desc nulls last`, desc(accounts.linkedAt));
}
