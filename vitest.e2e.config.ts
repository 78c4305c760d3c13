import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Browser tests: `npm run test:e2e`. The global setup builds the app once,
 * starts it with a local OpenID Connect provider on a fresh database, and
 * hands every tests/e2e/**\/*.e2e.ts file the URLs (see tests/e2e/support).
 * Files run one after another: they share that one server.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
