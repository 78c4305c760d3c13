import { seedDemo } from "@/db/seed";
import { env, seedRefusal } from "@/lib/env";
import { openMigratedDatabase, runScript } from "./run";

runScript(async () => {
  const refusal = seedRefusal(env(), process.argv.slice(2));
  if (refusal) {
    console.error(refusal);
    process.exitCode = 1;
    return;
  }
  const handle = await openMigratedDatabase();
  await seedDemo(handle.db);
  console.log("Demo members, “Her”, its review and comments are in place.");
});
