import { env } from "../../lib/env";
import { openEmbedded, openPostgres } from "../client";
import { describeSummary, importCatalogue, loadVegaMovies, progressBar } from "../seed/catalogue";
import { runScript } from "./run";

runScript(async () => {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL)
    : await openEmbedded(config.MARQUEE_DATA_DIR);
  try {
    const started = Date.now();
    const summary = await importCatalogue(handle.db, loadVegaMovies(), {
      onProgress: progressBar("Importing films"),
    });
    console.log(`${describeSummary(summary)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await handle.close();
  }
});
