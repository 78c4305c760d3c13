// No "server-only" here: instrumentation.ts is not compiled as a React server module.
import { closeDb, openDatabase } from "@/db/client";
import { assertProductionReady, databaseSettings, env, seedPlan } from "./env";
import { installShutdown, onShutdown } from "./shutdown";

/**
 * The server's first steps (from instrumentation.ts), one after another, all
 * before the first request: a production server without the secrets sign-in
 * needs stops here, naming each missing variable; then the database opens,
 * its migrations run, and a new, empty embedded database gets what
 * MARQUEE_SEED says (a server database is never seeded here). SIGTERM then
 * drains the requests in flight and closes the pool (lib/shutdown.ts).
 */
export async function startServer(): Promise<void> {
  let config;
  try {
    config = env();
    assertProductionReady(config);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  installShutdown(config.MARQUEE_SHUTDOWN_GRACE_SECONDS * 1000);
  const handle = await openDatabase(databaseSettings(config));
  onShutdown("database", closeDb);
  await handle.migrate();
  const plan = seedPlan(config);
  // A server database is filled with `npm run db:seed` / `db:import` on purpose, never on start.
  if (handle.kind === "pglite" && plan !== "none") {
    // Loaded only here: the seed reads the whole film catalogue.
    const { seedIfEmpty } = await import("@/db/seed");
    await seedIfEmpty(handle.db, { demo: plan === "demo" });
  }
}
