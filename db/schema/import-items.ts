import { index, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";

/**
 * What each import brought in, keyed by where it came from, so a second run
 * of the same export adds nothing: one row per imported thing (a WordPress
 * post, comment or author) and the local row it became.
 */
export const importItems = pgTable(
  "import_items",
  {
    /** "wordpress", … */
    source: text("source").notNull(),
    /** The thing's id at the source, qualified by the site it came from. */
    externalId: text("external_id").notNull(),
    /** "review", "comment", "member", … */
    kind: text("kind").notNull(),
    /** The local row's id, as text (reviews and comments have integer ids, members text ones). */
    localId: text("local_id").notNull(),
    importedAt: timestamp("imported_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("import_items_source_external_kind").on(t.source, t.externalId, t.kind),
    index("import_items_local_idx").on(t.kind, t.localId),
  ],
);

export type ImportItem = typeof importItems.$inferSelect;
