import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moderationLog, sessions, users, type Role } from "@/db/schema";
import { reinstateMember, suspendMember } from "@/lib/moderation/members";
import type { CurrentUser } from "@/lib/auth";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let sequence = 0;
async function member(role: Role = "member", sessionCount = 0): Promise<CurrentUser> {
  const handle = `susp-${role}-${++sequence}`;
  const [row] = await t.db
    .insert(users)
    .values({ handle, name: `Member ${handle}`, role })
    .returning({ id: users.id });
  for (let i = 0; i < sessionCount; i++) {
    await t.db
      .insert(sessions)
      .values({ sessionToken: randomUUID(), userId: row!.id, expires: new Date(Date.now() + 86_400_000) });
  }
  return { id: row!.id, handle, name: `Member ${handle}`, image: null, role, suspended: false };
}

const sessionsOf = async (userId: string) =>
  (await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]!.n;
const logFor = (targetId: string) => t.db.select().from(moderationLog).where(eq(moderationLog.targetId, targetId));

describe("suspending a member", () => {
  it("records the suspension, signs the member out everywhere and writes the log", async () => {
    const moderator = await member("moderator", 1);
    const target = await member("member", 3);
    const bystander = await member("member", 1);

    const result = await suspendMember(moderator, { handle: target.handle, reason: "  Repeated personal attacks  " });
    expect(result).toMatchObject({ ok: true, value: { handle: target.handle, sessionsRevoked: 3 } });

    expect(await sessionsOf(target.id)).toBe(0);
    expect(await sessionsOf(bystander.id)).toBe(1);
    expect(await sessionsOf(moderator.id)).toBe(1);
    const [row] = await t.db
      .select({ suspendedAt: users.suspendedAt, reason: users.suspensionReason })
      .from(users)
      .where(eq(users.id, target.id));
    expect(row!.suspendedAt).toBeInstanceOf(Date);
    expect(row!.reason).toBe("Repeated personal attacks");

    const log = await logFor(target.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actorId: moderator.id,
      actorLabel: `@${moderator.handle}`,
      action: "member.suspend",
      targetType: "member",
      reason: "Repeated personal attacks",
      details: { handle: target.handle, sessionsRevoked: 3 },
    });
  });

  it("refuses members, suspended moderators, and changes nothing when refused", async () => {
    const plain = await member("member");
    const target = await member("member", 2);
    expect(await suspendMember(plain, { handle: target.handle, reason: "spam" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await suspendMember(
        { ...(await member("moderator")), suspended: true },
        { handle: target.handle, reason: "spam" },
      ),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await sessionsOf(target.id)).toBe(2);
    expect(await logFor(target.id)).toHaveLength(0);
  });

  it("lets a moderator suspend members only, an admin also moderators, and nobody an admin or themselves", async () => {
    const moderator = await member("moderator");
    const admin = await member("admin");
    const otherModerator = await member("moderator");
    const otherAdmin = await member("admin");
    expect(await suspendMember(moderator, { handle: otherModerator.handle, reason: "Repeated spam" })).toMatchObject({
      ok: false,
      message: "Only an admin can suspend a moderator.",
    });
    expect(await suspendMember(admin, { handle: otherAdmin.handle, reason: "Repeated spam" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await suspendMember(moderator, { handle: moderator.handle, reason: "Repeated spam" })).toMatchObject({
      ok: false,
      message: "You cannot suspend yourself.",
    });
    expect(await suspendMember(admin, { handle: otherModerator.handle, reason: "Repeated spam" })).toMatchObject({
      ok: true,
    });
  });

  it("needs a reason, a member that exists, and someone not already suspended", async () => {
    const moderator = await member("moderator");
    const target = await member("member");
    expect(await suspendMember(moderator, { handle: target.handle, reason: "   " })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await suspendMember(moderator, { handle: "nobody-here", reason: "spam" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await suspendMember(moderator, { handle: target.handle, reason: "spam" })).toMatchObject({ ok: true });
    expect(await suspendMember(moderator, { handle: target.handle, reason: "spam again" })).toMatchObject({
      ok: false,
      message: `@${target.handle} is already suspended.`,
    });
  });
});

describe("reinstating a member", () => {
  it("lifts the suspension and logs it; a member who is not suspended is refused", async () => {
    const moderator = await member("moderator");
    const target = await member("member");
    await suspendMember(moderator, { handle: target.handle, reason: "spam" });

    expect(await reinstateMember(moderator, { handle: target.handle, reason: "Apologised" })).toMatchObject({
      ok: true,
    });
    const [row] = await t.db
      .select({ suspendedAt: users.suspendedAt, reason: users.suspensionReason })
      .from(users)
      .where(eq(users.id, target.id));
    expect(row).toEqual({ suspendedAt: null, reason: null });
    const log = await logFor(target.id);
    expect(log.map((e) => e.action)).toEqual(["member.suspend", "member.reinstate"]);
    expect(log[1]).toMatchObject({ actorId: moderator.id, reason: "Apologised" });

    expect(await reinstateMember(moderator, { handle: target.handle })).toMatchObject({
      ok: false,
      message: `@${target.handle} is not suspended.`,
    });
    expect(await reinstateMember(await member("member"), { handle: target.handle })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });
});

describe("lifting a moderator's suspension", () => {
  it("is for admins only, as suspending one is", async () => {
    const admin = await member("admin");
    const moderator = await member("moderator");
    const suspended = await member("moderator");
    expect((await suspendMember(admin, { handle: suspended.handle, reason: "Abused the queue" })).ok).toBe(true);
    expect(await reinstateMember(moderator, { handle: suspended.handle, reason: "Friend of mine" })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "Only an admin can reinstate a moderator.",
    });
    expect(await reinstateMember(admin, { handle: suspended.handle, reason: "Served" })).toMatchObject({ ok: true });
  });
});
