// No "server-only" here: instrumentation.ts is not compiled as a React server module.
import { getDb } from "@/db/client";
import { assertProductionReady, env } from "./env";

/**
 * The server's first steps (from instrumentation.ts): a production server
 * without the secrets sign-in needs stops here, naming each missing variable;
 * then the database opens, so migrations (and, on a new embedded database,
 * the seed) run before the first request.
 */
export async function startServer(): Promise<void> {
  try {
    assertProductionReady(env());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  await getDb();
}
