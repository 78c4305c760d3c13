import { like } from "drizzle-orm";
import type Redis from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { closeSharedRedis, isReady, sharedRedis } from "@/lib/cache/redis/connection.mjs";
import { reloadEnv } from "@/lib/env";
import { consumeCommentAllowance } from "@/lib/rate-limit";
import { forgetRedisLimits } from "@/lib/rate-limit/store";
import { createMember } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { deletePrefix, newClient, redisAnswers, redisTestUrl, testPrefix } from "../support/redis";

const available = await redisAnswers();
const t = useTestDatabase();

function configure(redisUrl: string | undefined, prefix: string) {
  if (redisUrl) process.env.REDIS_URL = redisUrl;
  else delete process.env.REDIS_URL;
  process.env.MARQUEE_REDIS_PREFIX = prefix;
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "60";
  process.env.MARQUEE_COMMENT_DAILY_CAP = "200";
  reloadEnv();
}

describe.skipIf(!available)("posting limits with REDIS_URL", () => {
  const prefix = testPrefix();
  let inspector: Redis;

  beforeAll(() => {
    inspector = newClient();
  });
  afterEach(async () => {
    await closeSharedRedis();
  });
  afterAll(async () => {
    delete process.env.REDIS_URL;
    delete process.env.MARQUEE_REDIS_PREFIX;
    reloadEnv();
    await deletePrefix(inspector, prefix);
    await inspector.quit();
  });

  it("counts a member's comments in Redis, where every instance sees them, and not in PostgreSQL", async () => {
    configure(redisTestUrl, prefix);
    // As a server does once it has started: until the connection is up the PostgreSQL counters stand in.
    expect(await isReady(sharedRedis()!)).toBe(true);
    const member = await createMember(t.db);

    expect((await consumeCommentAllowance(t.db, member.id)).ok).toBe(true);
    const second = await consumeCommentAllowance(t.db, member.id);
    expect(second).toMatchObject({ ok: false, code: "rate_limited" });
    expect(second.ok ? "" : second.message).toMatch(
      /You are posting quickly\. You can post again in (59|60) seconds\./,
    );

    // Both attempts are counted there (the refused one too, as the limiter does).
    expect(await inspector.get(`${prefix}limits:comment-interval:${member.id}`)).toBe("2");
    expect(await inspector.pttl(`${prefix}limits:comment-interval:${member.id}`)).toBeGreaterThan(55_000);
    const inPostgres = await t.db
      .select()
      .from(rateLimits)
      .where(like(rateLimits.key, `%${member.id}`));
    expect(inPostgres).toEqual([]);
  });

  it("forgets a member's counters in Redis (account deletion) and leaves others' alone", async () => {
    configure(redisTestUrl, prefix);
    expect(await isReady(sharedRedis()!)).toBe(true);
    const [leaving, staying] = [await createMember(t.db), await createMember(t.db)];
    for (const member of [leaving, staying]) expect((await consumeCommentAllowance(t.db, member.id)).ok).toBe(true);

    await forgetRedisLimits(leaving.id);

    expect(await inspector.exists(`${prefix}limits:comment-interval:${leaving.id}`)).toBe(0);
    expect(await inspector.exists(`${prefix}limits:comment-daily:${leaving.id}`)).toBe(0);
    expect(await inspector.exists(`${prefix}limits:comment-interval:${staying.id}`)).toBe(1);
    expect((await consumeCommentAllowance(t.db, leaving.id)).ok).toBe(true);
  });

  it("falls back to the PostgreSQL counters while Redis does not answer", async () => {
    // Nothing listens on port 1.
    configure("redis://127.0.0.1:1", prefix);
    const member = await createMember(t.db);

    expect((await consumeCommentAllowance(t.db, member.id)).ok).toBe(true);
    expect(await consumeCommentAllowance(t.db, member.id)).toMatchObject({ ok: false, code: "rate_limited" });
    const inPostgres = await t.db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, `%${member.id}`));
    expect(inPostgres.map((row) => row.key).sort()).toEqual([
      `comment-daily:${member.id}`,
      `comment-interval:${member.id}`,
    ]);
  });
});
