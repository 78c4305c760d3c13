import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { films, moderationLog, ratings, users } from "@/db/schema";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ""}`;
  }
  throw new Error("expected the database to refuse");
}

describe("the moderation log", () => {
  it("accepts new rows and refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [row] = await t.db
      .insert(moderationLog)
      .values({
        actorLabel: "command line",
        action: "role.grant",
        targetType: "user",
        targetId: "u1",
        reason: "first admin",
      })
      .returning({ id: moderationLog.id });
    expect(
      await rejection(t.db.update(moderationLog).set({ reason: "rewritten" }).where(eq(moderationLog.id, row!.id))),
    ).toMatch(/append-only: UPDATE/);
    expect(await rejection(t.db.delete(moderationLog).where(eq(moderationLog.id, row!.id)))).toMatch(
      /append-only: DELETE/,
    );
    expect(await rejection(t.db.execute(sql`truncate moderation_log`))).toMatch(/append-only: TRUNCATE/);
    const rows = await t.db.select({ reason: moderationLog.reason }).from(moderationLog);
    expect(rows).toEqual([{ reason: "first admin" }]);
  });
});

describe("ratings", () => {
  it("refuse half stars outside 0–8 and keep the film's totals", async () => {
    const [film] = await t.db
      .insert(films)
      .values({ slug: "guard-film", title: "Guard Film" })
      .returning({ id: films.id });
    const [member] = await t.db.insert(users).values({ handle: "guard-member" }).returning({ id: users.id });
    expect(
      await rejection(t.db.insert(ratings).values({ userId: member!.id, filmId: film!.id, halfStars: 9 })),
    ).toMatch(/ratings_half_stars_check/);
    await t.db.insert(ratings).values({ userId: member!.id, filmId: film!.id, halfStars: 7 });
    await t.db.update(ratings).set({ halfStars: 5 }).where(eq(ratings.filmId, film!.id));
    const [totals] = await t.db
      .select({ count: films.ratingCount, total: films.halfStarsTotal })
      .from(films)
      .where(eq(films.id, film!.id));
    expect(totals).toEqual({ count: 1, total: 5 });
    await t.db.delete(ratings).where(eq(ratings.filmId, film!.id));
    const [after] = await t.db
      .select({ count: films.ratingCount, total: films.halfStarsTotal })
      .from(films)
      .where(eq(films.id, film!.id));
    expect(after).toEqual({ count: 0, total: 0 });
  });
});
