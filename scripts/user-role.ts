import { isRole } from "@/lib/auth/roles";
import { setRoleFromCommandLine } from "@/lib/moderation/members";
import { openMigratedDatabase, runScript } from "./run";

const usage = "Usage: npm run user:role -- <handle> <member|moderator|admin>";

runScript(async () => {
  const [handleArg, roleArg, ...extra] = process.argv.slice(2);
  if (!handleArg || !roleArg || extra.length > 0) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const handle = handleArg.trim().replace(/^@/, "").toLowerCase();
  const role = roleArg.trim().toLowerCase();
  if (!isRole(role)) {
    console.error(`"${roleArg}" is not a role. ${usage}`);
    process.exitCode = 2;
    return;
  }
  const database = await openMigratedDatabase();
  const result = await setRoleFromCommandLine(database.db, handle, role);
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
  } else if (result.value.changed.length === 0) {
    console.log(`@${handle} is already ${role === "admin" ? "an" : "a"} ${role}; nothing changed.`);
  } else {
    console.log(
      `@${handle} is now ${role === "admin" ? "an" : "a"} ${role} (was ${result.value.from}). The change is in the moderation log.`,
    );
  }
});
