import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// With REDIS_URL, Next's caches live in Redis so several instances share them and a write
// through one expires its pages on all (lib/cache/redis/, README "Several instances"). Read
// here, at build and at `next start`; without it Next keeps its in-memory and on-disk default.
const sharedCache = process.env.REDIS_URL
  ? {
      cacheHandler: require.resolve("./lib/cache/redis/next-route-cache.mjs"),
      cacheHandlers: {
        default: require.resolve("./lib/cache/redis/next-use-cache.mjs"),
        remote: require.resolve("./lib/cache/redis/next-use-cache.mjs"),
      },
    }
  : {};

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...sharedCache,
  // The Dockerfile's build: a server.js with only the files it needs (.next/standalone). Only
  // there, since `next start` (npm start, the browser tests, npm run cluster) does not serve
  // a standalone build.
  ...(process.env.MARQUEE_STANDALONE === "1" ? { output: "standalone" } : {}),
  // PGlite loads its WebAssembly and data files from its own package folder;
  // bundling it breaks those paths (every request would return 500).
  // rate-limiter-flexible imports drizzle-orm at run time by a computed name,
  // which a bundler cannot follow; Node resolves it when it stays external.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible"],
  poweredByHeader: false,
  // Every instance of one release must name the same build (lib/env.ts checks it is set in
  // production); a client that meets an instance of another build reloads instead of mixing them.
  deploymentId: process.env.MARQUEE_DEPLOYMENT_ID || process.env.NEXT_DEPLOYMENT_ID || undefined,
  // Pages are prerendered at run time and cached by tag (lib/cache/tags.ts); the parts
  // that differ per reader come from /api/viewer (README, "Architecture").
  cacheComponents: true,
  partialPrefetching: false,
  cacheLife: {
    // Every shared page part: a shared cache (a CDN, nginx) may keep it for 30 s and serve
    // it stale for up to five minutes while it asks again; writes expire it here at once.
    shared: { stale: 30, revalidate: 30, expire: 300 },
  },
  typedRoutes: false,
  experimental: {
    // A Letterboxd export may be up to 5 MB (lib/letterboxd/schema.ts) and a WordPress export
    // up to 20 MB (lib/imports/schema.ts); room above them lets each import answer an oversized
    // file with its own message instead of a bare error.
    serverActions: { bodySizeLimit: "21mb" },
    // proxy.ts sees every page's requests, and Next copies a request's body for it up to this
    // size (cutting off the rest): the same room as the server actions have.
    proxyClientMaxBodySize: "21mb",
  },
};

export default nextConfig;
