/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder;
  // bundling it breaks those paths (every request would return 500).
  // rate-limiter-flexible imports drizzle-orm at run time by a computed name,
  // which a bundler cannot follow; Node resolves it when it stays external.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // A Letterboxd export may be up to 5 MB (lib/letterboxd/schema.ts) and a WordPress export
    // up to 20 MB (lib/imports/schema.ts); room above them lets each import answer an oversized
    // file with its own message instead of a bare error.
    serverActions: { bodySizeLimit: "21mb" },
  },
};

export default nextConfig;
