import { seedDemo } from "@/db/seed";
import { openMigratedDatabase, runScript } from "./run";

runScript(async () => {
  const handle = await openMigratedDatabase();
  await seedDemo(handle.db);
  console.log("Demo members, “Her”, its review and comments are in place.");
});
