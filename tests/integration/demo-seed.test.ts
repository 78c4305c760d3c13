import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

describe("the demo data", () => {
  it("has every demo member join before the first review or comment they wrote", async () => {
    await seedDemo(t.db);
    const result = await t.db.execute(sql`
      select u.handle, u.created_at as joined, min(w.at) as first_written
      from users u
      join (
        select author_id, coalesce(published_at, created_at) as at from reviews
        union all
        select author_id, created_at from comments
      ) w on w.author_id = u.id
      group by u.handle, u.created_at
    `);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      handle: string;
      joined: string | Date;
      first_written: string | Date;
    }[];
    expect(rows.length).toBeGreaterThan(1);
    const wroteBeforeJoining = rows
      .filter((row) => new Date(row.first_written).getTime() < new Date(row.joined).getTime())
      .map((row) => row.handle);
    expect(wroteBeforeJoining).toEqual([]);
  });
});
