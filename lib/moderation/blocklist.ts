import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { blockedTerms } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { paginate, pageWindow, type Page } from "@/lib/pagination";
import { authorize } from "@/lib/policy";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { recordModerationAction } from "./log";
import { blockedTermIdSchema, blockedTermSchema } from "./schema";

export const BLOCKLIST_PAGE_SIZE = 50;

export const BLOCKLIST_WORDS = {
  forbidden: "Only admins can change the blocklist.",
  signedOut: "Only admins can change the blocklist.",
};

/** The blocklist, alphabetically, a page at a time. */
export async function listBlockedTerms(page: number): Promise<Page<{ id: number; term: string }>> {
  const db = await getDb();
  const { limit, offset } = pageWindow(page, BLOCKLIST_PAGE_SIZE);
  const rows = await db
    .select({ id: blockedTerms.id, term: blockedTerms.term, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(blockedTerms)
    .orderBy(asc(blockedTerms.term))
    .limit(limit)
    .offset(offset);
  // Past the end the window is empty, so the total comes from a count of its own.
  const total = rows[0]?.total ?? (page > 1 ? await countTerms() : 0);
  return paginate(
    rows.map(({ id, term }) => ({ id, term })),
    total,
    page,
    BLOCKLIST_PAGE_SIZE,
  );
}

async function countTerms(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(blockedTerms);
  return row?.n ?? 0;
}

/** Adds a term: new comments containing it wait for a moderator. Admins only. */
export async function addBlockedTerm(
  actor: CurrentUser,
  input: z.input<typeof blockedTermSchema>,
): Promise<Result<{ term: string; changed: Tag[] }>> {
  const admin = authorize(actor, "admin", BLOCKLIST_WORDS);
  if (!admin.ok) return admin;
  const parsed = blockedTermSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { term } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [added] = await tx
      .insert(blockedTerms)
      .values({ term, addedById: actor.id })
      .onConflictDoNothing()
      .returning({ id: blockedTerms.id });
    if (!added)
      return fail("conflict", "That term is already on the blocklist.", {
        term: ["That term is already on the blocklist."],
      });
    await recordModerationAction(tx, {
      actorId: actor.id,
      actorLabel: `@${actor.handle}`,
      action: "blocklist.add",
      targetType: "blocklist",
      targetId: String(added.id),
      reason: term,
    });
    return ok({ term, changed: [tags.blocklist, tags.moderation] });
  });
}

/** Takes a term off the blocklist. Admins only. */
export async function removeBlockedTerm(
  actor: CurrentUser,
  input: z.input<typeof blockedTermIdSchema>,
): Promise<Result<{ term: string; changed: Tag[] }>> {
  const admin = authorize(actor, "admin", BLOCKLIST_WORDS);
  if (!admin.ok) return admin;
  const parsed = blockedTermIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(blockedTerms)
      .where(eq(blockedTerms.id, id))
      .returning({ term: blockedTerms.term });
    if (!removed) return fail("not_found", "That term is not on the blocklist.");
    await recordModerationAction(tx, {
      actorId: actor.id,
      actorLabel: `@${actor.handle}`,
      action: "blocklist.remove",
      targetType: "blocklist",
      targetId: String(id),
      reason: removed.term,
    });
    return ok({ term: removed.term, changed: [tags.blocklist, tags.moderation] });
  });
}
