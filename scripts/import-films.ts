import { describeSummary, importCatalogue, loadVegaMovies, progressBar } from "@/db/seed/catalogue";
import { openMigratedDatabase, runScript } from "./run";

runScript(async () => {
  const handle = await openMigratedDatabase();
  const started = Date.now();
  const summary = await importCatalogue(handle.db, loadVegaMovies(), {
    onProgress: progressBar("Importing films"),
  });
  console.log(`${describeSummary(summary)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
});
