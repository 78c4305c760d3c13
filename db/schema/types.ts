import { customType } from "drizzle-orm/pg-core";

/** PostgreSQL `tsvector`, used only for generated full-text search columns. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});
