// No "server-only" here: instrumentation.ts is not compiled as a React server module.
import { closeDb, openDatabase } from "@/db/client";
import { closeSharedRedis } from "@/lib/cache/redis/connection.mjs";
import { assertProductionReady, databaseSettings, env, seedPlan } from "./env";
import { logger, routeConsoleThroughLogger } from "./log";
import { installShutdown, onShutdown } from "./shutdown";
import { installDatabaseAwayStatus } from "./unavailable-status";

/**
 * The server's first steps (from instrumentation.ts), one after another, all
 * before the first request: everything written to the console from here on
 * is a JSON log line (lib/log.ts); a production server without the secrets sign-in
 * needs stops here, naming each missing variable; then the database opens,
 * its migrations run, and a new, empty embedded database gets what
 * MARQUEE_SEED says (a server database is never seeded here). SIGTERM then
 * drains the requests in flight and closes the pool (lib/shutdown.ts); a page
 * whose render meets the database going away answers 503, not 500
 * (lib/unavailable-status.ts).
 */
export async function startServer(): Promise<void> {
  routeConsoleThroughLogger();
  let config;
  try {
    config = env();
    assertProductionReady(config);
  } catch (error) {
    // The message names each missing or unsafe setting; it holds no value of any of them.
    logger.fatal({ event: "startup.refused" }, error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  installShutdown(config.MARQUEE_SHUTDOWN_GRACE_SECONDS * 1000);
  installDatabaseAwayStatus();
  const handle = await openDatabase(databaseSettings(config));
  onShutdown("database", closeDb);
  // The caches' and limits' Redis connection (when REDIS_URL is set; a no-op otherwise).
  onShutdown("redis", closeSharedRedis);
  await handle.migrate();
  if (config.SMTP_URL) {
    // Loaded only when mail is set up; the outbox is in PostgreSQL, so what a stop leaves queued goes next start.
    const { startMailSender } = await import("@/lib/notifications/mail");
    const sender = startMailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
    onShutdown("mail", () => sender.stop());
  }
  const plan = seedPlan(config);
  // A server database is filled with `npm run db:seed` / `db:import` on purpose, never on start.
  if (handle.kind === "pglite" && plan !== "none") {
    // Loaded only here: the seed reads the whole film catalogue.
    const { seedIfEmpty } = await import("@/db/seed");
    const log = (line: string) => logger.info({ event: "startup.seed" }, line);
    await seedIfEmpty(handle.db, {
      demo: plan === "demo",
      log,
      onProgress: (done, total) => {
        if (done === total) log(`Imported ${total} films.`);
      },
    });
  }
}
