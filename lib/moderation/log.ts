import "server-only";
import type { Database, Transaction } from "@/db/client";
import { moderationLog } from "@/db/schema";
import { securityEvent } from "@/lib/log";

/** A database handle or an open transaction on it. */
export type DatabaseOrTransaction = Database | Transaction;

export interface ModerationAction {
  /** The member who acted; null for the command line or the system. */
  actorId: string | null;
  /** How the actor is shown in the log: "@theo", "command line". */
  actorLabel: string;
  /** What happened, as `target.verb`: "member.role_change", "member.suspend". */
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  /** The house rule cited by a removal or a hide (lib/moderation/rules). */
  rule?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one entry to the moderation log (the table refuses updates and
 * deletes), and writes the matching security event to the server log with the
 * entry's id. Pass the transaction that makes the change, so the change and
 * its entry are saved together or not at all.
 */
export async function recordModerationAction(db: DatabaseOrTransaction, entry: ModerationAction): Promise<number> {
  const [row] = await db
    .insert(moderationLog)
    .values({
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      rule: entry.rule ?? null,
      details: entry.details ?? null,
    })
    .returning({ id: moderationLog.id });
  const id = row!.id;
  securityEvent(entry.action === "member.role_change" ? "member.role_change" : "moderation.action", {
    actor: entry.actorId,
    actorLabel: entry.actorLabel,
    outcome: "success",
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    moderationLogId: id,
    ...(entry.action === "member.role_change" ? { from: entry.details?.from, to: entry.details?.to } : {}),
  });
  return id;
}
