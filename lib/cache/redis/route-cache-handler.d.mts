import type Redis from "ioredis";
import type { CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";

export interface RouteCacheHandler {
  get(key: string, ctx?: { tags?: string[]; softTags?: string[] }): Promise<CacheHandlerValue | null>;
  set(
    key: string,
    data: unknown,
    ctx?: { tags?: string[]; cacheControl?: { revalidate?: number | false; expire?: number } },
  ): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}

export function encodeValue(value: unknown): string;
export function decodeValue(text: string): unknown;
export function createRouteCacheHandler(options: {
  client: Redis;
  prefix: string;
  buildId: string;
  log?: (message: string) => void;
}): RouteCacheHandler;
export function buildIdOf(ctx: CacheHandlerContext): string;
