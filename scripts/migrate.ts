import { env } from "@/lib/env";
import { openMigratedDatabase, runScript } from "./run";

runScript(async () => {
  const handle = await openMigratedDatabase();
  console.log(
    `Migrations are up to date (${handle.kind === "postgres" ? "PostgreSQL server" : env().MARQUEE_DATA_DIR}).`,
  );
});
