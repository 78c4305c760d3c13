/** Runs once when the server starts (not during `next build`); see lib/startup.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/startup");
  await startServer();
}

/**
 * Every error a page, route handler or action throws passes here: one that
 * says the database is away makes the proxy answer 503 until it is back, and
 * the page that met it answers 503 too, not 500 (lib/unavailable-status.ts).
 */
export async function onRequestError(error: unknown, request: { headers: object }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ handledDatabaseFault }, { noteRequestMetDatabaseFault }] = await Promise.all([
    import("./lib/unavailable"),
    import("./lib/unavailable-status"),
  ]);
  if (handledDatabaseFault(error, "render")) noteRequestMetDatabaseFault(request.headers);
}
