import "server-only";
import { and, asc, count, eq, ilike, isNotNull, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { sessions, users, type Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { recordModerationAction } from "./log";

/** The member doing something, as the session knows them. */
export interface Actor {
  id: string;
  handle: string;
  role: Role;
  suspended?: boolean;
}

export type Refusal = {
  ok: false;
  reason: "forbidden" | "not-found" | "invalid" | "last-admin";
  message: string;
};

const refuse = (reason: Refusal["reason"], message: string): Refusal => ({ ok: false, reason, message });

export const MEMBERS_PAGE_SIZE = 25;

export interface MemberRow {
  id: string;
  handle: string;
  name: string | null;
  role: Role;
  suspended: boolean;
  joinedAt: Date;
}

export interface MemberPage {
  members: MemberRow[];
  total: number;
  page: number;
  pageCount: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * Admins only (null for anyone else): members by handle, optionally those
 * whose handle or name contains `q`, a page at a time.
 */
export async function listMembers(actor: Actor, params: { q: string; page: number }): Promise<MemberPage | null> {
  if (!hasRole(actor.role, "admin")) return null;
  const db = await getDb();
  const pattern = `%${escapeLike(params.q)}%`;
  const where = params.q ? or(ilike(users.handle, pattern), ilike(users.name, pattern)) : undefined;
  const [totalRow] = await db.select({ n: count() }).from(users).where(where);
  const total = totalRow?.n ?? 0;
  const rows = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      role: users.role,
      suspendedAt: users.suspendedAt,
      joinedAt: users.createdAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.handle))
    .limit(MEMBERS_PAGE_SIZE)
    .offset((params.page - 1) * MEMBERS_PAGE_SIZE);
  return {
    members: rows.map(({ suspendedAt, ...row }) => ({ ...row, suspended: suspendedAt !== null })),
    total,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)),
  };
}

export type RoleChange = { ok: true; handle: string; from: Role; to: Role; changed: boolean } | Refusal;

async function applyRoleChange(
  db: Database,
  by: { id: string | null; label: string },
  handle: string,
  role: Role,
  options: { keepAnAdmin: boolean },
): Promise<RoleChange> {
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
    if (!target) return refuse("not-found", `There is no member @${handle}.`);
    if (target.role === role) return { ok: true, handle, from: role, to: role, changed: false };
    const admins = locked.filter((m) => m.role === "admin").length;
    if (options.keepAnAdmin && target.role === "admin" && admins <= 1) {
      return refuse(
        "last-admin",
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
    return { ok: true, handle, from: target.role, to: role, changed: true };
  });
}

/**
 * An admin gives a member a role. Refused for anyone but an unsuspended admin,
 * and when it would leave no admin. Each change is logged.
 */
export async function changeMemberRole(actor: Actor, handle: string, role: Role): Promise<RoleChange> {
  if (!hasRole(actor.role, "admin") || actor.suspended) return refuse("forbidden", "Only admins can change roles.");
  return applyRoleChange(await getDb(), { id: actor.id, label: `@${actor.handle}` }, handle, role, { keepAnAdmin: true });
}

/**
 * `npm run user:role`: whoever runs the command line may grant any role
 * (that is how the first admin is made). Logged as "command line".
 */
export async function setRoleFromCommandLine(db: Database, handle: string, role: Role): Promise<RoleChange> {
  return applyRoleChange(db, { id: null, label: "command line" }, handle, role, { keepAnAdmin: false });
}

export type SuspensionChange = { ok: true; handle: string; sessionsRevoked: number } | Refusal;

const MAX_REASON = 500;

function checkModerator(actor: Actor): Refusal | null {
  if (!hasRole(actor.role, "moderator")) return refuse("forbidden", "Only moderators and admins can do that.");
  if (actor.suspended) return refuse("forbidden", "Your account is suspended, so you cannot moderate.");
  return null;
}

/**
 * A moderator or admin suspends a member from posting: records when and why,
 * signs them out everywhere (deletes all their sessions) and logs it, in one
 * transaction. Moderators suspend members; admins also suspend moderators;
 * nobody suspends an admin or themselves.
 */
export async function suspendMember(actor: Actor, handle: string, reason: string): Promise<SuspensionChange> {
  const refused = checkModerator(actor);
  if (refused) return refused;
  const why = reason.trim();
  if (!why) return refuse("invalid", "Give a reason for the suspension; it goes in the moderation log.");
  if (why.length > MAX_REASON) return refuse("invalid", `Keep the reason under ${MAX_REASON} characters.`);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role, suspendedAt: users.suspendedAt })
      .from(users)
      .where(eq(users.handle, handle))
      .for("update");
    if (!target) return refuse("not-found", `There is no member @${handle}.`);
    if (target.id === actor.id) return refuse("forbidden", "You cannot suspend yourself.");
    const allowed = target.role === "member" || (target.role === "moderator" && hasRole(actor.role, "admin"));
    if (!allowed) {
      return refuse(
        "forbidden",
        target.role === "admin"
          ? "An admin cannot be suspended; change their role first."
          : "Only an admin can suspend a moderator.",
      );
    }
    if (target.suspendedAt) return refuse("invalid", `@${handle} is already suspended.`);
    await tx
      .update(users)
      .set({ suspendedAt: sql`now()`, suspensionReason: why })
      .where(eq(users.id, target.id));
    const revoked = await tx.delete(sessions).where(eq(sessions.userId, target.id)).returning({ token: sessions.sessionToken });
    await recordModerationAction(tx, {
      actorId: actor.id,
      actorLabel: `@${actor.handle}`,
      action: "member.suspend",
      targetType: "member",
      targetId: target.id,
      reason: why,
      details: { handle, sessionsRevoked: revoked.length },
    });
    return { ok: true, handle, sessionsRevoked: revoked.length };
  });
}

/** A moderator or admin lifts a suspension, with an optional note for the log. */
export async function reinstateMember(actor: Actor, handle: string, reason?: string): Promise<SuspensionChange> {
  const refused = checkModerator(actor);
  if (refused) return refused;
  const why = reason?.trim() || null;
  if (why && why.length > MAX_REASON) return refuse("invalid", `Keep the reason under ${MAX_REASON} characters.`);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.handle, handle))
      .for("update");
    if (!target) return refuse("not-found", `There is no member @${handle}.`);
    // The same rule as suspending: only an admin lifts a moderator's suspension.
    if (target.role !== "member" && !hasRole(actor.role, "admin")) {
      return refuse("forbidden", "Only an admin can reinstate a moderator.");
    }
    const [lifted] = await tx
      .update(users)
      .set({ suspendedAt: null, suspensionReason: null })
      .where(and(eq(users.id, target.id), isNotNull(users.suspendedAt)))
      .returning({ id: users.id });
    if (!lifted) return refuse("invalid", `@${handle} is not suspended.`);
    await recordModerationAction(tx, {
      actorId: actor.id,
      actorLabel: `@${actor.handle}`,
      action: "member.reinstate",
      targetType: "member",
      targetId: target.id,
      reason: why,
      details: { handle },
    });
    return { ok: true, handle, sessionsRevoked: 0 };
  });
}
