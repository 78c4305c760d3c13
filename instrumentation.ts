/**
 * Runs once when the server starts: opens the database so migrations (and,
 * on a new embedded database, the seed) happen before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db/client");
  await getDb();
}
