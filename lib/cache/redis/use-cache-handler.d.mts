import type Redis from "ioredis";
import type { CacheHandler } from "next/dist/server/lib/cache-handlers/types";

export function createUseCacheHandler(options: {
  client: Redis;
  prefix: string;
  log?: (message: string) => void;
}): CacheHandler;
