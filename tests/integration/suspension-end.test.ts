import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moderationLog, sessions, users, type Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { memberOfSession } from "@/lib/auth/session-member";
import { getMemberStanding } from "@/lib/members/queries";
import { reinstateMember, suspendMember } from "@/lib/moderation/members";
import { listSuspendedMembers } from "@/lib/moderation/queue";
import { authorize, isSuspended, SUSPENDED_CANNOT_COMMENT } from "@/lib/policy";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let sequence = 0;
async function member(role: Role = "member"): Promise<CurrentUser> {
  const handle = `ends-${role}-${++sequence}`;
  const [row] = await t.db.insert(users).values({ handle, name: handle, role }).returning({ id: users.id });
  return { id: row!.id, handle, name: handle, image: null, role, suspended: false };
}

const DAY = 24 * 3600 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function signIn(userId: string): Promise<string> {
  const sessionToken = randomUUID();
  await t.db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + DAY) });
  return sessionToken;
}

describe("a suspension with an end", () => {
  it("stores the last day and the reason, and logs both", async () => {
    const moderator = await member("moderator");
    const target = await member();
    const lastDay = isoDay(Date.now() + 10 * DAY);
    const result = await suspendMember(moderator, {
      handle: target.handle,
      reason: "Spoilers in titles",
      until: lastDay,
    });
    expect(result.ok).toBe(true);
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    // It ends when the last day ends (UTC).
    expect(row!.suspendedUntil?.toISOString()).toBe(new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY).toISOString());
    expect(row!.suspensionReason).toBe("Spoilers in titles");
    const [log] = await t.db.select().from(moderationLog).where(eq(moderationLog.targetId, target.id));
    expect(log).toMatchObject({ action: "member.suspend", reason: "Spoilers in titles" });
    expect((log!.details as { until: string }).until).toBe(row!.suspendedUntil!.toISOString());

    const signedIn = await memberOfSession(await signIn(target.id));
    expect(isSuspended(signedIn!)).toBe(true);
    expect((await getMemberStanding(target.handle))?.suspension).toEqual({
      reason: "Spoilers in titles",
      until: row!.suspendedUntil!.toISOString(),
    });
    expect((await listSuspendedMembers(1)).items.map((m) => m.handle)).toContain(target.handle);
  });

  it("refuses a last day in the past, next to the field", async () => {
    const moderator = await member("moderator");
    const target = await member();
    const result = await suspendMember(moderator, {
      handle: target.handle,
      reason: "Too late",
      until: isoDay(Date.now() - 2 * DAY),
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { until: ["The last day must be today or later."] } });
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row!.suspendedAt).toBeNull();
  });

  it("is over by itself once the end has passed: everywhere the member is read, with nothing run", async () => {
    const moderator = await member("moderator");
    const target = await member();
    await suspendMember(moderator, { handle: target.handle, reason: "Cooling off", until: isoDay(Date.now() + DAY) });
    // Time passes: the end is now a minute ago.
    await t.db
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() - 60_000) })
      .where(eq(users.id, target.id));

    const signedIn = await memberOfSession(await signIn(target.id));
    expect(isSuspended(signedIn!)).toBe(false);
    expect((await getMemberStanding(target.handle))?.suspension).toBeNull();
    expect((await listSuspendedMembers(1)).items.map((m) => m.handle)).not.toContain(target.handle);
    // Nothing to lift, and a new suspension is allowed.
    expect(await reinstateMember(moderator, { handle: target.handle })).toMatchObject({
      ok: false,
      message: `@${target.handle} is not suspended.`,
    });
    expect(await suspendMember(moderator, { handle: target.handle, reason: "Again" })).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row!.suspendedUntil).toBeNull();
    expect(isSuspended(row!)).toBe(true);
  });

  it("lifting one early clears its end and logs the lift", async () => {
    const moderator = await member("moderator");
    const target = await member();
    await suspendMember(moderator, {
      handle: target.handle,
      reason: "Cooling off",
      until: isoDay(Date.now() + 5 * DAY),
    });
    expect(await reinstateMember(moderator, { handle: target.handle })).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ suspendedAt: null, suspendedUntil: null, suspensionReason: null });
    const actions = (await t.db.select().from(moderationLog).where(eq(moderationLog.targetId, target.id))).map(
      (l) => l.action,
    );
    expect(actions.sort()).toEqual(["member.reinstate", "member.suspend"]);
  });
});

describe("what a suspended member is told when they try to post", () => {
  const base: CurrentUser = { id: "x", handle: "x", name: "X", image: null, role: "member", suspended: true };

  it("gives the reason and the end date after the refusal", () => {
    const refused = authorize(
      { ...base, suspension: { reason: "Spoilers in titles", until: "2027-01-13T00:00:00.000Z" } },
      "poster",
      { suspended: SUSPENDED_CANNOT_COMMENT },
    );
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.message).toBe(
      `${SUSPENDED_CANNOT_COMMENT} Reason: Spoilers in titles. It ends after 12 January 2027.`,
    );
  });

  it("says a suspension without an end lasts until a moderator lifts it", () => {
    const refused = authorize({ ...base, suspension: { reason: "Abuse.", until: null } }, "poster");
    expect(!refused.ok && refused.message).toMatch(/Reason: Abuse\. It lasts until a moderator lifts it\.$/);
  });
});
