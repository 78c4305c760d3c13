import { DataFolderLockedError } from "../lock";

/** Runs a command-line task, printing a clear message instead of a stack on expected failures. */
export function runScript(task: () => Promise<void>): void {
  task()
    .then(() => process.exit(process.exitCode ?? 0))
    .catch((error: unknown) => {
      if (error instanceof DataFolderLockedError) console.error(error.message);
      else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}
