import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only: a trigger in the migrations refuses UPDATE, DELETE and TRUNCATE.
 * `actorId` has no foreign key on purpose: a key with ON DELETE would have to
 * update rows here, and nothing may.
 */
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    reason: text("reason"),
    /** The house rule broken, for a removal or hide (lib/moderation/rules); the public record counts by it. */
    rule: text("rule"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_log_created_idx").on(t.createdAt, t.id),
    index("moderation_log_actor_idx").on(t.actorId, t.createdAt),
    index("moderation_log_action_idx").on(t.action, t.createdAt),
    index("moderation_log_target_idx").on(t.targetType, t.targetId),
  ],
);

/** Words or phrases that hold a comment for moderation, kept by admins. */
export const blockedTerms = pgTable("blocked_terms", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  term: text("term").notNull().unique(),
  addedById: text("added_by_id"),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

/**
 * Counters for rate-limiter-flexible's Drizzle store: posting limits live in
 * the database, so every app instance sees the same counts.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: timestamp("expire", { mode: "date", withTimezone: true }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

export type ModerationLogEntry = typeof moderationLog.$inferSelect;
export type NewModerationLogEntry = typeof moderationLog.$inferInsert;
