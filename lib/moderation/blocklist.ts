import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { blockedTerms } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/roles";
import { recordModerationAction } from "./log";

export const BLOCKLIST_PAGE_SIZE = 50;

export const blockedTermSchema = z
  .string({ error: "Enter a word or phrase." })
  .trim()
  .toLowerCase()
  .min(2, "Enter at least 2 characters.")
  .max(80, "Keep it under 80 characters.");

export type BlocklistOutcome = { ok: true; term: string } | { ok: false; message: string; field?: "term" };

function refuse(actor: CurrentUser | null): BlocklistOutcome | null {
  if (!actor || !hasRole(actor.role, "admin") || actor.suspended) return { ok: false, message: "Only admins can change the blocklist." };
  return null;
}

/** The blocklist, alphabetically, a page at a time. */
export async function listBlockedTerms(page: number): Promise<{ terms: { id: number; term: string }[]; total: number; pageCount: number }> {
  const db = await getDb();
  const current = Math.max(1, page);
  const rows = await db
    .select({ id: blockedTerms.id, term: blockedTerms.term, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(blockedTerms)
    .orderBy(asc(blockedTerms.term))
    .limit(BLOCKLIST_PAGE_SIZE)
    .offset((current - 1) * BLOCKLIST_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return { terms: rows.map(({ id, term }) => ({ id, term })), total, pageCount: Math.max(1, Math.ceil(total / BLOCKLIST_PAGE_SIZE)) };
}

/** Adds a term: new comments containing it wait for a moderator. Admins only. */
export async function addBlockedTerm(actor: CurrentUser | null, input: unknown): Promise<BlocklistOutcome> {
  const refused = refuse(actor);
  if (refused) return refused;
  const parsed = blockedTermSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message, field: "term" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(blockedTerms)
      .values({ term: parsed.data, addedById: actor!.id })
      .onConflictDoNothing()
      .returning({ id: blockedTerms.id });
    if (added.length === 0) return { ok: false as const, message: "That term is already on the blocklist.", field: "term" as const };
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: `@${actor!.handle}`,
      action: "blocklist.add",
      targetType: "blocklist",
      targetId: String(added[0]!.id),
      reason: parsed.data,
    });
    return { ok: true as const, term: parsed.data };
  });
}

/** Takes a term off the blocklist. Admins only. */
export async function removeBlockedTerm(actor: CurrentUser | null, id: number): Promise<BlocklistOutcome> {
  const refused = refuse(actor);
  if (refused) return refused;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(blockedTerms).where(eq(blockedTerms.id, id)).returning({ term: blockedTerms.term });
    if (!removed) return { ok: false as const, message: "That term is not on the blocklist." };
    await recordModerationAction(tx, {
      actorId: actor!.id,
      actorLabel: `@${actor!.handle}`,
      action: "blocklist.remove",
      targetType: "blocklist",
      targetId: String(id),
      reason: removed.term,
    });
    return { ok: true as const, term: removed.term };
  });
}
