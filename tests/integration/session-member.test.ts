import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "@/db/schema";
import { marqueeAdapter } from "@/lib/auth/adapter";
import { memberOfSession } from "@/lib/auth/session-member";
import { createMember } from "../support/actors";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

const DAY = 24 * 3600 * 1000;

async function sessionFor(userId: string, expiresInMs: number, signedInMsAgo = 0): Promise<string> {
  const sessionToken = randomUUID();
  await t.db.insert(sessions).values({
    sessionToken,
    userId,
    expires: new Date(Date.now() + expiresInMs),
    createdAt: new Date(Date.now() - signedInMsAgo),
  });
  return sessionToken;
}

describe("the member behind a session cookie", () => {
  it("is the session's member, with their role and suspension as they are now", async () => {
    const moderator = await createMember(t.db, { role: "moderator", suspended: true });
    const token = await sessionFor(moderator.id, 3_600_000);
    expect(await memberOfSession(token)).toMatchObject({
      id: moderator.id,
      handle: moderator.handle,
      role: "moderator",
      suspendedAt: expect.any(Date),
    });
  });

  it("is nobody for an expired session, an unknown token or one far too long to be ours", async () => {
    const member = await createMember(t.db);
    expect(await memberOfSession(await sessionFor(member.id, -1000))).toBeNull();
    expect(await memberOfSession(randomUUID())).toBeNull();
    expect(await memberOfSession("")).toBeNull();
    expect(await memberOfSession("x".repeat(10_000))).toBeNull();
  });

  it("is nobody once the sign-in is 30 days old, even for a session used an hour ago", async () => {
    const member = await createMember(t.db);
    // Used an hour ago: Auth.js pushed its sliding expiry to 30 days from then.
    const stale = await sessionFor(member.id, 30 * DAY - 3_600_000, 30 * DAY + 60_000);
    const fresh = await sessionFor(member.id, 30 * DAY - 3_600_000, 29 * DAY);
    expect(await memberOfSession(stale)).toBeNull();
    expect(await memberOfSession(fresh)).toMatchObject({ id: member.id });
  });
});

describe("Auth.js's reading of a session", () => {
  it("refuses and deletes a session past the absolute lifetime, and keeps a younger one", async () => {
    const member = await createMember(t.db);
    const adapter = marqueeAdapter(t.db);
    const stale = await sessionFor(member.id, 30 * DAY - 3_600_000, 31 * DAY);
    const fresh = await sessionFor(member.id, 30 * DAY - 3_600_000, DAY);
    expect(await adapter.getSessionAndUser!(stale)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.sessionToken, stale))).toEqual([]);
    expect((await adapter.getSessionAndUser!(fresh))?.user.id).toBe(member.id);
  });

  it("stamps a new session with its sign-in time", async () => {
    const member = await createMember(t.db);
    const adapter = marqueeAdapter(t.db);
    const before = Date.now();
    await adapter.createSession!({ sessionToken: "new-session", userId: member.id, expires: new Date(before + DAY) });
    const [row] = await t.db.select().from(sessions).where(eq(sessions.sessionToken, "new-session"));
    expect(Math.abs(row!.createdAt.getTime() - before)).toBeLessThan(60_000);
  });
});
