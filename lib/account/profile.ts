import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { accounts, sessions, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { securityEvent } from "@/lib/log";
import { consumeMemberAllowance } from "@/lib/rate-limit";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { HANDLE_TAKEN, profileSchema, type Profile, type ProfileInput } from "./profile-schema";

/** The editable part of a member's profile. */
export async function getProfile(userId: string): Promise<{ name: string; handle: string } | null> {
  const db = await getDb();
  const [row] = await db.select({ name: users.name, handle: users.handle }).from(users).where(eq(users.id, userId));
  return row ? { name: row.name ?? "", handle: row.handle } : null;
}

const handleTaken = () => fail("conflict", "Please fix the highlighted fields.", { handle: [HANDLE_TAKEN] });

/**
 * Saves the member's display name and handle. A handle another member holds
 * comes back as a field error, including when two members claim it at the
 * same moment (the unique index decides).
 */
export async function updateProfile(
  actor: CurrentUser,
  input: ProfileInput,
): Promise<Result<{ profile: Profile; changed: Tag[] }>> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "Please fix the highlighted fields.");
  const profile = parsed.data;
  const userId = actor.id;
  const db = await getDb();
  const allowance = await consumeMemberAllowance(db, userId, "profile");
  if (!allowance.ok) return allowance;
  const [clash] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.handle, profile.handle), ne(users.id, userId)));
  if ((clash?.n ?? 0) > 0) return handleTaken();
  try {
    await db.update(users).set({ name: profile.name, handle: profile.handle }).where(eq(users.id, userId));
  } catch (error) {
    if (isUniqueViolation(error, "users_handle_unique")) return handleTaken();
    throw error;
  }
  // A handle is how others find and mention a member: a change of it is worth a line.
  securityEvent("profile.change", {
    actor: userId,
    outcome: "success",
    ...(profile.handle !== actor.handle ? { handleFrom: actor.handle, handleTo: profile.handle } : {}),
  });
  return ok({ profile, changed: [tags.member(userId), tags.reviews] });
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

/** Ends every session of the member, on every device, and says how many there were. */
export async function revokeAllSessions(actor: CurrentUser): Promise<Result<{ revoked: number; changed: Tag[] }>> {
  const db = await getDb();
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.userId, actor.id))
    .returning({ token: sessions.sessionToken });
  securityEvent("auth.sign_out", { actor: actor.id, outcome: "success", everywhere: true, sessions: deleted.length });
  return ok({ revoked: deleted.length, changed: [] });
}
