import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { demoMembers } from "@/db/seed/demo";
import { marqueeAdapter } from "./adapter";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { securityEvent } from "@/lib/log";

export interface DemoSession {
  sessionToken: string;
  expires: Date;
}

/**
 * Development only (the route calling it answers 404 in any other build):
 * a real database session for one of the seeded demo members, created through
 * the Auth.js adapter exactly as an OAuth sign-in would. Null when `handle` is
 * not a demo member or the demo data is not in this database.
 */
export async function startDemoSession(handle: string): Promise<DemoSession | null> {
  const demo = demoMembers.find((m) => m.handle === handle);
  if (!demo) return null;
  const db = await getDb();
  // Found through the demo member's seeded account, not the handle: a real
  // member who took the handle "theo" is never signed in by this route.
  const [member] = await db
    .select({ id: accounts.userId })
    .from(accounts)
    .where(
      and(eq(accounts.provider, demo.account.provider), eq(accounts.providerAccountId, demo.account.providerAccountId)),
    );
  if (!member) return null;
  const session = await marqueeAdapter(db).createSession!({
    sessionToken: randomUUID(),
    userId: member.id,
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
  securityEvent("auth.sign_in", { actor: member.id, outcome: "success", provider: "demo" });
  return { sessionToken: session.sessionToken, expires: session.expires };
}
