import { closeDb, openDatabase, type DatabaseHandle } from "@/db/client";
import { DataFolderLockedError } from "@/db/lock";
import { databaseSettings, env } from "@/lib/env";

/**
 * Runs a command-line task, closes the database if the task opened one, and
 * prints a clear message instead of a stack on expected failures.
 */
export function runScript(task: () => Promise<void>): void {
  task()
    .finally(closeDb)
    .then(() => process.exit(process.exitCode ?? 0))
    .catch((error: unknown) => {
      if (error instanceof DataFolderLockedError) console.error(error.message);
      else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}

/** Opens the database the environment names (DATABASE_URL, else MARQUEE_DATA_DIR) and migrates it. */
export async function openMigratedDatabase(): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseSettings(env()));
  await handle.migrate();
  return handle;
}
