import { env } from "../../lib/env";
import { openEmbedded, openPostgres } from "../client";
import { runScript } from "./run";

runScript(async () => {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL)
    : await openEmbedded(config.MARQUEE_DATA_DIR);
  await handle.close();
  console.log(`Migrations are up to date (${handle.kind === "postgres" ? "PostgreSQL server" : config.MARQUEE_DATA_DIR}).`);
});
