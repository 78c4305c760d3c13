import { env } from "../../lib/env";
import { openEmbedded, openPostgres } from "../client";
import { seedDemo } from "../seed";
import { runScript } from "./run";

runScript(async () => {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL)
    : await openEmbedded(config.MARQUEE_DATA_DIR);
  try {
    await seedDemo(handle.db);
    console.log("Demo members, “Her”, its review and comments are in place.");
  } finally {
    await handle.close();
  }
});
