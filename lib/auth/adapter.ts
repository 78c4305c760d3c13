import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { like } from "drizzle-orm";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Database, Transaction } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { suggestHandle } from "./handle";
import { earliestLiveSignIn } from "./session-cookie";

/** A free handle near `base`: base, base-2, base-3, … (one query). Also used by imports for members they create. */
export async function freeHandle(db: Database | Transaction, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ handle: users.handle })
        .from(users)
        .where(like(users.handle, `${base}%`))
    ).map((r) => r.handle),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Auth.js's Drizzle adapter on our tables, with two changes: a new member gets
 * a unique handle made from their name (or email), since `users.handle` is
 * required; and a session signed in longer ago than the absolute lifetime is
 * no session (deleted when next read), however recently it was used.
 */
export function marqueeAdapter(db: Database): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(sessionToken);
      if (!found) return null;
      const signedInAt = (found.session as { createdAt?: Date }).createdAt;
      if (signedInAt instanceof Date && signedInAt > earliestLiveSignIn()) return found;
      await base.deleteSession!(sessionToken);
      return null;
    },
    async createUser(data: AdapterUser) {
      // Two newcomers with the same name can pick the same free handle at
      // once; the unique index refuses the second, which then tries again.
      for (let attempt = 0; ; attempt++) {
        const handle = await freeHandle(db, suggestHandle(data.name ?? data.email));
        try {
          const [row] = await db
            .insert(users)
            .values({
              name: data.name?.trim().slice(0, 50) || null,
              email: data.email || null,
              emailVerified: data.emailVerified ?? null,
              image: data.image ?? null,
              handle,
            })
            .returning();
          return row as unknown as AdapterUser;
        } catch (error) {
          if (attempt >= 4 || !isUniqueViolation(error, "users_handle_unique")) throw error;
        }
      }
    },
  };
}
