import "server-only";
import { and, asc, count, eq, ilike, isNotNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import type { Role } from "@/lib/auth/roles";
import { tags, type Tag } from "@/lib/cache/tags";
import { paginate, pageWindow, type Page } from "@/lib/pagination";
import { notifyModeration } from "@/lib/notifications/write";
import { authorize, isSuspended, refuseReinstatement, refuseSuspension, suspensionEndText } from "@/lib/policy";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { recordModerationAction } from "./log";
import { reinstateMemberSchema, roleChangeSchema, suspendMemberSchema, type RoleChangeInput } from "./schema";

export const MEMBERS_PAGE_SIZE = 25;

export interface MemberRow {
  id: string;
  handle: string;
  name: string | null;
  role: Role;
  suspended: boolean;
  joinedAt: Date;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * Admins only (null for anyone else): members by handle, optionally those
 * whose handle or name contains `q`, a page at a time.
 */
export async function listMembers(
  actor: CurrentUser,
  params: { q: string; page: number },
): Promise<Page<MemberRow> | null> {
  if (!authorize(actor, "admin").ok) return null;
  const db = await getDb();
  const pattern = `%${escapeLike(params.q)}%`;
  const where = params.q ? or(ilike(users.handle, pattern), ilike(users.name, pattern)) : undefined;
  const [totalRow] = await db.select({ n: count() }).from(users).where(where);
  const { limit, offset } = pageWindow(params.page, MEMBERS_PAGE_SIZE);
  const rows = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      role: users.role,
      suspendedAt: users.suspendedAt,
      suspendedUntil: users.suspendedUntil,
      joinedAt: users.createdAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.handle))
    .limit(limit)
    .offset(offset);
  const members = rows.map(({ suspendedAt, suspendedUntil, ...row }) => ({
    ...row,
    suspended: isSuspended({ suspendedAt, suspendedUntil }),
  }));
  return paginate(members, totalRow?.n ?? 0, params.page, MEMBERS_PAGE_SIZE);
}

export interface RoleChange {
  handle: string;
  from: Role;
  to: Role;
  changed: Tag[];
}

async function applyRoleChange(
  db: Database,
  by: { id: string | null; label: string },
  handle: string,
  role: Role,
  options: { keepAnAdmin: boolean },
): Promise<Result<RoleChange>> {
  return db.transaction(async (tx) => {
    // The target and every admin, locked in one order, so two admins demoting
    // each other at once cannot both succeed and leave no admin.
    const locked = await tx
      .select({ id: users.id, handle: users.handle, role: users.role })
      .from(users)
      .where(or(eq(users.role, "admin"), eq(users.handle, handle)))
      .orderBy(asc(users.id))
      .for("update");
    const target = locked.find((m) => m.handle === handle);
    if (!target) return fail("not_found", `There is no member @${handle}.`);
    if (target.role === role) return ok({ handle, from: role, to: role, changed: [] });
    const admins = locked.filter((m) => m.role === "admin").length;
    if (options.keepAnAdmin && target.role === "admin" && admins <= 1) {
      return fail(
        "conflict",
        `@${handle} is the only admin. Make another member an admin first, so Marquee always has one.`,
      );
    }
    await tx.update(users).set({ role }).where(eq(users.id, target.id));
    await recordModerationAction(tx, {
      actorId: by.id,
      actorLabel: by.label,
      action: "member.role_change",
      targetType: "member",
      targetId: target.id,
      details: { handle, from: target.role, to: role },
    });
    return ok({
      handle,
      from: target.role,
      to: role,
      changed: [tags.members, tags.member(target.id), tags.moderation],
    });
  });
}

/**
 * An admin gives a member a role. Refused for anyone but an unsuspended admin,
 * and when it would leave no admin. Each change is logged.
 */
export async function changeMemberRole(actor: CurrentUser, input: RoleChangeInput): Promise<Result<RoleChange>> {
  const admin = authorize(actor, "admin", { forbidden: "Only admins can change roles." });
  if (!admin.ok) return admin;
  const parsed = roleChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "That change is not valid.");
  return applyRoleChange(
    await getDb(),
    { id: actor.id, label: `@${actor.handle}` },
    parsed.data.handle,
    parsed.data.role,
    {
      keepAnAdmin: true,
    },
  );
}

/**
 * `npm run user:role`: whoever runs the command line may grant any role
 * (that is how the first admin is made). Logged as "command line".
 */
export async function setRoleFromCommandLine(db: Database, handle: string, role: Role): Promise<Result<RoleChange>> {
  return applyRoleChange(db, { id: null, label: "command line" }, handle, role, { keepAnAdmin: false });
}

export interface SuspensionChange {
  handle: string;
  sessionsRevoked: number;
  changed: Tag[];
}

/**
 * A moderator or admin suspends a member from posting: records when and why,
 * signs them out everywhere (deletes all their sessions) and logs it, in one
 * transaction. Who may suspend whom is lib/policy's refuseSuspension.
 */
export async function suspendMember(
  actor: CurrentUser,
  input: z.input<typeof suspendMemberSchema>,
): Promise<Result<SuspensionChange>> {
  const moderator = authorize(actor, "moderator", { forbidden: "Only moderators and admins can do that." });
  if (!moderator.ok) return moderator;
  const parsed = suspendMemberSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { handle, reason } = parsed.data;
  const until = parsed.data.until ?? null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role, suspendedAt: users.suspendedAt, suspendedUntil: users.suspendedUntil })
      .from(users)
      .where(eq(users.handle, handle))
      .for("update");
    if (!target) return fail("not_found", `There is no member @${handle}.`);
    const refused = refuseSuspension(actor, { ...target, handle, suspended: isSuspended(target) });
    if (refused) return refused;
    await tx
      .update(users)
      .set({ suspendedAt: sql`now()`, suspensionReason: reason, suspendedUntil: until })
      .where(eq(users.id, target.id));
    const revoked = await tx
      .delete(sessions)
      .where(eq(sessions.userId, target.id))
      .returning({ token: sessions.sessionToken });
    await recordModerationAction(tx, {
      actorId: actor.id,
      actorLabel: `@${actor.handle}`,
      action: "member.suspend",
      targetType: "member",
      targetId: target.id,
      reason,
      details: { handle, sessionsRevoked: revoked.length, until: until?.toISOString() ?? null },
    });
    const ends = until ? `until the end of ${suspensionEndText(until.toISOString())}` : "until a moderator lifts it";
    await notifyModeration(tx, {
      moderatorId: actor.id,
      memberId: target.id,
      reason: `A moderator suspended you from posting ${ends}. Reason: ${reason}`,
    });
    return ok({
      handle,
      sessionsRevoked: revoked.length,
      changed: [tags.member(target.id), tags.members, tags.moderation],
    });
  });
}

/** A moderator or admin lifts a suspension, with an optional note for the log. */
export async function reinstateMember(
  actor: CurrentUser,
  input: z.input<typeof reinstateMemberSchema>,
): Promise<Result<SuspensionChange>> {
  const moderator = authorize(actor, "moderator", { forbidden: "Only moderators and admins can do that." });
  if (!moderator.ok) return moderator;
  const parsed = reinstateMemberSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { handle } = parsed.data;
  const reason = parsed.data.reason ?? null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role, suspendedAt: users.suspendedAt, suspendedUntil: users.suspendedUntil })
      .from(users)
      .where(eq(users.handle, handle))
      .for("update");
    if (!target) return fail("not_found", `There is no member @${handle}.`);
    const refused = refuseReinstatement(actor, { ...target, handle, suspended: isSuspended(target) });
    if (refused) return refused;
    await tx
      .update(users)
      .set({ suspendedAt: null, suspensionReason: null, suspendedUntil: null })
      .where(and(eq(users.id, target.id), isNotNull(users.suspendedAt)));
    await recordModerationAction(tx, {
      actorId: actor.id,
      actorLabel: `@${actor.handle}`,
      action: "member.reinstate",
      targetType: "member",
      targetId: target.id,
      reason,
      details: { handle },
    });
    await notifyModeration(tx, {
      moderatorId: actor.id,
      memberId: target.id,
      reason: reason ? `A moderator lifted your suspension. ${reason}` : "A moderator lifted your suspension.",
    });
    return ok({ handle, sessionsRevoked: 0, changed: [tags.member(target.id), tags.members, tags.moderation] });
  });
}
