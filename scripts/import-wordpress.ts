import { createReadStream, existsSync } from "node:fs";
import { progressBar } from "@/db/seed/catalogue";
import { describeSummary } from "@/lib/imports/schema";
import { importWordPress } from "@/lib/imports/wordpress";
import { openMigratedDatabase, runScript } from "./run";

const usage = "Usage: npm run import:wordpress -- <export.xml> [--category=<name>]";

runScript(async () => {
  const args = process.argv.slice(2);
  const category = args.find((a) => a.startsWith("--category="))?.slice("--category=".length);
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && !a.startsWith("--category="));
  if (files.length !== 1 || unknown.length > 0 || category === "") {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const file = files[0]!;
  if (!existsSync(file)) {
    console.error(`There is no file at ${file}. ${usage}`);
    process.exitCode = 2;
    return;
  }
  const handle = await openMigratedDatabase();
  const started = Date.now();
  const result = await importWordPress(handle.db, () => createReadStream(file), {
    category,
    onProgress: progressBar("Importing posts"),
  });
  if (!result.ok) {
    console.error(result.message);
    console.error("Nothing was imported.");
    process.exitCode = 1;
    return;
  }
  for (const line of describeSummary(result.value.summary)) console.log(line);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
});
