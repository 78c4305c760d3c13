import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moderationLog, users, type Role } from "@/db/schema";
import { changeMemberRole, listMembers, setRoleFromCommandLine } from "@/lib/moderation/members";
import type { CurrentUser } from "@/lib/auth";
import { recordModerationAction } from "@/lib/moderation/log";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let sequence = 0;
async function member(role: Role = "member", name?: string): Promise<CurrentUser> {
  const handle = `roles-${role}-${++sequence}`;
  const [row] = await t.db
    .insert(users)
    .values({ handle, name: name ?? `Member ${handle}`, role })
    .returning({ id: users.id });
  return { id: row!.id, handle, name: `Member ${handle}`, image: null, role, suspended: false };
}

const roleOf = async (id: string) =>
  (await t.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]!.role;
const logFor = (targetId: string) => t.db.select().from(moderationLog).where(eq(moderationLog.targetId, targetId));

describe("changing roles", () => {
  it("lets an admin promote a member and logs who did it", async () => {
    const admin = await member("admin");
    const target = await member();
    expect(await changeMemberRole(admin, { handle: target.handle, role: "moderator" })).toMatchObject({
      ok: true,
      value: { handle: target.handle, from: "member", to: "moderator" },
    });
    expect(await roleOf(target.id)).toBe("moderator");
    // The log page reads the member by handle and the change as "member → moderator".
    const { listModerationLog } = await import("@/lib/moderation/queue");
    expect((await listModerationLog({ targetId: target.id, page: 1 })).items).toMatchObject([
      { action: "member.role_change", targetHandle: target.handle, fromRole: "member", toRole: "moderator" },
    ]);
    const [entry] = await logFor(target.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      actorLabel: `@${admin.handle}`,
      action: "member.role_change",
      targetType: "member",
      details: { handle: target.handle, from: "member", to: "moderator" },
    });
  });

  it("refuses moderators, members and suspended admins, changing nothing", async () => {
    const target = await member();
    for (const actor of [
      await member("moderator"),
      await member("member"),
      { ...(await member("admin")), suspended: true },
    ]) {
      expect(await changeMemberRole(actor, { handle: target.handle, role: "admin" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await roleOf(target.id)).toBe("member");
    expect(await logFor(target.id)).toHaveLength(0);
  });

  it("writes nothing when the role is unchanged, and says who is missing", async () => {
    const admin = await member("admin");
    const target = await member("moderator");
    expect(await changeMemberRole(admin, { handle: target.handle, role: "moderator" })).toMatchObject({
      ok: true,
      value: { changed: [] },
    });
    expect(await logFor(target.id)).toHaveLength(0);
    expect(await changeMemberRole(admin, { handle: "no-such-member", role: "moderator" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("the last admin", () => {
  it("cannot demote themselves, but can once there is another admin", async () => {
    await t.db.update(users).set({ role: "member" }).where(eq(users.role, "admin"));
    const only = await member("admin");
    const refused = await changeMemberRole(only, { handle: only.handle, role: "member" });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(await roleOf(only.id)).toBe("admin");
    expect(await logFor(only.id)).toHaveLength(0);

    const second = await member();
    expect(await changeMemberRole(only, { handle: second.handle, role: "admin" })).toMatchObject({ ok: true });
    expect(await changeMemberRole(only, { handle: only.handle, role: "moderator" })).toMatchObject({
      ok: true,
      value: { to: "moderator" },
    });
    expect(await roleOf(only.id)).toBe("moderator");
  });
});

describe("granting a role from the command line", () => {
  it("makes the first admin and logs it as the command line", async () => {
    const target = await member();
    expect(await setRoleFromCommandLine(t.db, target.handle, "admin")).toMatchObject({
      ok: true,
      value: { to: "admin" },
    });
    expect(await roleOf(target.id)).toBe("admin");
    const [entry] = await logFor(target.id);
    expect(entry).toMatchObject({ actorId: null, actorLabel: "command line", action: "member.role_change" });
  });
});

describe("the moderation log", () => {
  it("refuses to change or delete an entry", async () => {
    const id = await recordModerationAction(t.db, {
      actorId: null,
      actorLabel: "command line",
      action: "member.role_change",
      targetType: "member",
      targetId: "someone",
    });
    await expect(t.db.execute(sql`update moderation_log set reason = 'rewritten' where id = ${id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from moderation_log where id = ${id}`)).rejects.toThrow();
    const [entry] = await t.db
      .select({ reason: moderationLog.reason })
      .from(moderationLog)
      .where(eq(moderationLog.id, id));
    expect(entry).toEqual({ reason: null });
  });
});

describe("the admin's member list", () => {
  it("searches handles and names, pages, and shows nothing to non-admins", async () => {
    const admin = await member("admin");
    const names = ["Zelda Quartermain", "Zeno Quartz", "Zora Quill"];
    for (const name of names) await member("member", name);
    const page = await listMembers(admin, { q: "quar", page: 1 });
    expect(page?.items.map((m) => m.name)).toEqual(["Zelda Quartermain", "Zeno Quartz"]);
    expect(page).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect((await listMembers(admin, { q: "100%", page: 1 }))?.total).toBe(0);
    expect(await listMembers(await member("moderator"), { q: "", page: 1 })).toBeNull();
  });
});
