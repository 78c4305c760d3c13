import type Redis from "ioredis";

export function redisSettings(source?: Record<string, string | undefined>): { url: string | undefined; prefix: string };
export function createRedis(url: string): Redis;
export function sharedRedis(): Redis | null;
export function closeSharedRedis(): Promise<void>;
export function isReady(client: Redis): Promise<boolean>;
export function markTags(client: Redis, prefix: string, tags: string[], durations?: { expire?: number }): Promise<void>;
export function tagTimes(
  client: Redis,
  prefix: string,
  tags: string[],
): Promise<{ expired: number[]; stale: number[] }>;
export function tagVerdict(
  times: { expired: number[]; stale: number[] },
  timestamp: number,
): "expired" | "stale" | "fresh";
