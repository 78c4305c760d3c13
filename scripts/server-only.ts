// What `server-only` resolves to when the scripts run (scripts/tsconfig.json),
// as in the test suites (vitest.config.ts): a command-line process is a
// server, so the guard that keeps server modules out of browser bundles has
// nothing to guard here. Next.js and tsc still resolve the real package.
export {};
