import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { accounts, sessions, users } from "@/db/schema";
import { HANDLE_TAKEN, type Profile } from "./profile-schema";

/** The editable part of a member's profile. */
export async function getProfile(userId: string): Promise<{ name: string; handle: string } | null> {
  const db = await getDb();
  const [row] = await db.select({ name: users.name, handle: users.handle }).from(users).where(eq(users.id, userId));
  return row ? { name: row.name ?? "", handle: row.handle } : null;
}

export type ProfileUpdate = { ok: true; profile: Profile } | { ok: false; fieldErrors: { handle: string[] } };

/**
 * Saves a member's display name and handle (already validated). A handle
 * another member holds comes back as a field error, including when two
 * members claim it at the same moment (the unique index decides).
 */
export async function updateProfile(userId: string, profile: Profile): Promise<ProfileUpdate> {
  const db = await getDb();
  const [clash] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.handle, profile.handle), ne(users.id, userId)));
  if ((clash?.n ?? 0) > 0) return { ok: false, fieldErrors: { handle: [HANDLE_TAKEN] } };
  try {
    await db.update(users).set({ name: profile.name, handle: profile.handle }).where(eq(users.id, userId));
  } catch (error) {
    if (isUniqueViolation(error, "users_handle_unique")) return { ok: false, fieldErrors: { handle: [HANDLE_TAKEN] } };
    throw error;
  }
  return { ok: true, profile };
}

export interface LinkedAccount {
  provider: string;
  linkedAt: Date;
}

/** The OAuth accounts a member can sign in with, oldest first. */
export async function listLinkedAccounts(userId: string): Promise<LinkedAccount[]> {
  const db = await getDb();
  return db
    .select({ provider: accounts.provider, linkedAt: accounts.linkedAt })
    .from(accounts)
    .where(eq(accounts.userId, userId))
    .orderBy(asc(accounts.linkedAt), asc(accounts.provider));
}

/** Ends every session of a member, on every device. Returns how many there were. */
export async function revokeAllSessions(userId: string): Promise<number> {
  const db = await getDb();
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ token: sessions.sessionToken });
  return deleted.length;
}
