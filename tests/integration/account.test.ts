import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, sessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { listLinkedAccounts, revokeAllSessions, updateProfile } from "@/lib/account/profile";
import { startDemoSession } from "@/lib/auth/dev-session";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let sequence = 0;
async function member(sessionCount = 0) {
  const handle = `acct-${++sequence}`;
  const [row] = await t.db
    .insert(users)
    .values({ handle, name: `Member ${handle}` })
    .returning({ id: users.id });
  for (let i = 0; i < sessionCount; i++) {
    await t.db
      .insert(sessions)
      .values({ sessionToken: randomUUID(), userId: row!.id, expires: new Date(Date.now() + 86_400_000) });
  }
  return { id: row!.id, handle, name: `Member ${handle}`, image: null, role: "member" as const, suspended: false };
}

const sessionsOf = async (userId: string) =>
  (await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]!.n;

describe("updating a profile", () => {
  it("saves the name and handle", async () => {
    const me = await member();
    expect(await updateProfile(me, { name: "Maya O.", handle: "maya-o" })).toMatchObject({
      ok: true,
      value: { profile: { name: "Maya O.", handle: "maya-o" } },
    });
    const [row] = await t.db.select({ name: users.name, handle: users.handle }).from(users).where(eq(users.id, me.id));
    expect(row).toEqual({ name: "Maya O.", handle: "maya-o" });
  });

  it("answers a handle another member holds with a field error, and keeps the member's own", async () => {
    const me = await member();
    const other = await member();
    expect(await updateProfile(me, { name: "Me", handle: other.handle })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { handle: ["That handle is taken"] },
    });
    const [row] = await t.db.select({ handle: users.handle }).from(users).where(eq(users.id, me.id));
    expect(row!.handle).toBe(me.handle);
    expect(await updateProfile(me, { name: "Me again", handle: me.handle })).toMatchObject({ ok: true });
  });
});

describe("signing out everywhere", () => {
  it("deletes every session of the member and no one else's", async () => {
    const me = await member(3);
    const other = await member(1);
    expect(await revokeAllSessions(me)).toMatchObject({ ok: true, value: { revoked: 3 } });
    expect(await sessionsOf(me.id)).toBe(0);
    expect(await sessionsOf(other.id)).toBe(1);
  });
});

describe("linked accounts", () => {
  it("lists a member's accounts oldest first with the date each was linked", async () => {
    const me = await member();
    await t.db.insert(accounts).values([
      {
        userId: me.id,
        type: "oauth",
        provider: "twitter",
        providerAccountId: `tw-${me.handle}`,
        linkedAt: new Date("2025-02-01T00:00:00Z"),
      },
      {
        userId: me.id,
        type: "oidc",
        provider: "google",
        providerAccountId: `g-${me.handle}`,
        linkedAt: new Date("2025-01-01T00:00:00Z"),
      },
    ]);
    expect(await listLinkedAccounts(me.id)).toEqual([
      { provider: "google", linkedAt: new Date("2025-01-01T00:00:00Z") },
      { provider: "twitter", linkedAt: new Date("2025-02-01T00:00:00Z") },
    ]);
  });
});

describe("the development sign-in's session", () => {
  it("creates a real session row for a demo member, and nothing for anyone else", async () => {
    await seedDemo(t.db);
    const session = await startDemoSession("rosa");
    expect(session).not.toBeNull();
    const [row] = await t.db
      .select({ handle: users.handle, expires: sessions.expires })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.sessionToken, session!.sessionToken));
    expect(row?.handle).toBe("rosa");
    expect(row!.expires.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const someone = await member();
    expect(await startDemoSession(someone.handle)).toBeNull();
    expect(await startDemoSession("nobody")).toBeNull();
    expect(await sessionsOf(someone.id)).toBe(0);
  });
});
