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
    // A browser test polls for what a person would wait to see; on a busy machine
    // a server action and a reload can take longer than vitest's 1 s default.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
