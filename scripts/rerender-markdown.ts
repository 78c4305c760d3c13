import { MARKDOWN_RENDERER_VERSION } from "@/lib/markdown";
import { rerenderStale, type MarkdownTable } from "@/lib/markdown/stored";
import { openMigratedDatabase, runScript } from "./run";

/**
 * `npm run markdown:rerender`: renders again every review and comment whose
 * stored HTML is missing or of an older renderer than this code's, in
 * batches, printing progress. Run it after a change of
 * MARKDOWN_RENDERER_VERSION; until then such rows render on their first read.
 */
runScript(async () => {
  const database = await openMigratedDatabase();
  console.log(`Rendering Markdown with renderer version ${MARKDOWN_RENDERER_VERSION}.`);
  for (const table of ["reviews", "comments"] satisfies MarkdownTable[]) {
    const started = Date.now();
    const done = await rerenderStale(database.db, table, {
      onProgress: (done, total) => {
        if (total > 0) console.log(`${table}: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}`);
      },
    });
    console.log(
      `${table}: ${done === 0 ? "all up to date" : `${done.toLocaleString("en-GB")} rendered`} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  }
});
