import { randomBytes } from "node:crypto";
import Redis from "ioredis";

/**
 * The Redis server the shared-cache tests use: REDIS_TEST_URL, else the
 * machine's own at 127.0.0.1:6379. Every test run writes under a prefix of
 * its own and deletes only that prefix afterwards.
 */
export const redisTestUrl = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

/** CI sets REDIS_TEST_REQUIRED=1 so a missing server fails the run instead of skipping these tests. */
const required = process.env.REDIS_TEST_REQUIRED === "1";

/** Whether a Redis server answers at redisTestUrl (a skipped suite says so in its name). */
export async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(redisTestUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch (error) {
    if (required)
      throw new Error(`REDIS_TEST_REQUIRED=1 but Redis at ${redisTestUrl} does not answer: ${String(error)}`);
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A key prefix no other run uses, under MARQUEE_REDIS_PREFIX when set (default "mq-test:"). */
export function testPrefix(): string {
  return `${process.env.MARQUEE_REDIS_PREFIX ?? "mq-test:"}${Date.now().toString(36)}-${randomBytes(3).toString("hex")}:`;
}

/** A client of its own (two of them stand for two app instances that share only the server). */
export function newClient(): Redis {
  return new Redis(redisTestUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
}

/** Deletes every key under `prefix`. */
export async function deletePrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await client.unlink(...keys);
  } while (cursor !== "0");
}
