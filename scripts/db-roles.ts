import { APP_ROLE_PATTERN, grantAppRole } from "@/db/roles";
import { env } from "@/lib/env";
import { openMigratedDatabase, runScript } from "./run";

const usage =
  "Usage: DATABASE_URL=<the owner's URL> [MARQUEE_APP_PASSWORD=…] npm run db:roles -- [--role=<name>] [--password=<password>]";

/** `--name=value` from the command line. */
function option(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

runScript(async () => {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => !/^--(role|password)=/.test(arg));
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(" ")}. ${usage}`);
    process.exitCode = 2;
    return;
  }
  const config = env();
  if (!config.DATABASE_URL) {
    console.error(
      `The embedded database has one role and nothing to set up. Point DATABASE_URL at the PostgreSQL server as the role that owns the tables. ${usage}`,
    );
    process.exitCode = 2;
    return;
  }
  const role = option(args, "role") ?? config.MARQUEE_APP_ROLE;
  if (!APP_ROLE_PATTERN.test(role)) {
    console.error(`"${role}" is not a role name: use lower-case letters, digits and _ (at most 63).`);
    process.exitCode = 2;
    return;
  }
  const password = option(args, "password") ?? config.MARQUEE_APP_PASSWORD;
  const handle = await openMigratedDatabase();
  const report = await grantAppRole(handle.db, { role, password });
  console.log(
    [
      `${report.created ? "Created" : "Updated"} role ${role}: it reads and writes every table, adds to and reads moderation_log but cannot change it, and owns nothing.`,
      `Tables that ${report.owner} creates in later migrations get the same grants (default privileges).`,
      password
        ? "Its password is set."
        : report.created
          ? "It has no password: set MARQUEE_APP_PASSWORD (or --password) and run this again unless the server trusts local connections."
          : "Its password is unchanged.",
      `Serve the app with DATABASE_URL naming ${role}; keep running migrations as ${report.owner}.`,
    ].join("\n"),
  );
});
