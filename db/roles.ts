import { sql } from "drizzle-orm";
import type { Database } from "./client";

/** What `npm run db:roles` sets up: the role the app serves as, and its password (unchanged when omitted). */
export interface AppRoleSettings {
  role: string;
  password?: string;
}

export interface AppRoleReport {
  /** Whether the role was made by this run (false: it existed and was brought in line). */
  created: boolean;
  /** The role that owns the tables (the one migrations run as); later tables it creates are covered too. */
  owner: string;
}

/** A role name the script accepts: PostgreSQL's unquoted identifiers, so it needs no quoting in a connection URL either. */
export const APP_ROLE_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The grants, in one DO block. The role name and the password reach it as
 * settings local to the transaction (`marquee.app_role`,
 * `marquee.app_password`) and are quoted by the server's own `format('%I')`
 * and `format('%L')`, so nothing the operator typed is spliced into SQL here.
 */
const GRANT_APP_ROLE = sql`
DO $grant$
DECLARE
  app text := current_setting('marquee.app_role');
  app_password text := nullif(current_setting('marquee.app_password'), '');
  owner_name text;
  owned text;
BEGIN
  SELECT tableowner INTO owner_name FROM pg_tables WHERE schemaname = 'public' AND tablename = 'moderation_log';
  IF owner_name IS NULL THEN
    RAISE EXCEPTION 'moderation_log does not exist: run the migrations (npm run db:migrate) as the owner first';
  END IF;
  IF app = owner_name OR app = current_user THEN
    RAISE EXCEPTION 'The app role must not be % (it owns the tables or runs this script); choose another name', app;
  END IF;

  IF EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
    PERFORM set_config('marquee.app_role_created', 'false', true);
  ELSE
    EXECUTE format('CREATE ROLE %I', app);
    PERFORM set_config('marquee.app_role_created', 'true', true);
  END IF;
  -- Whatever the role was before, it logs in and can do nothing beyond its grants.
  EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', app);
  IF app_password IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', app, app_password);
  END IF;
  IF pg_has_role(app, owner_name, 'MEMBER') THEN
    RAISE EXCEPTION 'Role % is a member of %, the owner of the tables, so it could alter them; revoke that membership first', app, owner_name;
  END IF;

  -- An owner may ALTER TABLE ... DISABLE TRIGGER, which would undo the log's append-only trigger.
  SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO owned
    FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
    WHERE r.rolname = app AND c.relnamespace IN ('public'::regnamespace, 'drizzle'::regnamespace);
  IF owned IS NOT NULL THEN
    RAISE EXCEPTION 'Role % owns % and must own nothing; as a superuser run REASSIGN OWNED BY % TO % in this database, then run this again', app, owned, app, owner_name;
  END IF;

  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app);
  -- PostgreSQL 15 no longer lets every role create objects in public; older servers do.
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', app);
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
  -- Start-up reads which migrations ran (db/client.ts) and changes nothing when none is pending.
  EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', app);
  EXECUTE format('GRANT SELECT ON drizzle.__drizzle_migrations TO %I', app);

  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
  EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I', app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
  -- The moderation log is append-only for the app: read and add, never change.
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON moderation_log FROM %I', app);
  REVOKE ALL ON moderation_log FROM PUBLIC;

  -- Tables and sequences the owner creates in later migrations get the same grants.
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', owner_name, app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', owner_name, app);
  PERFORM set_config('marquee.app_role_owner', owner_name, true);
END
$grant$`;

/**
 * Creates (or brings in line) the role the app serves as on a PostgreSQL
 * server, run as the owner of the tables or a superuser: it may read and
 * write every table but `moderation_log`, where it may only read and add
 * rows; it owns nothing, so it cannot disable the log's triggers or alter a
 * table; tables from later migrations are covered by default privileges.
 * Running it again changes nothing but the password, when one is given.
 */
export async function grantAppRole(db: Database, settings: AppRoleSettings): Promise<AppRoleReport> {
  if (!APP_ROLE_PATTERN.test(settings.role)) {
    throw new Error(`"${settings.role}" is not a role name: use lower-case letters, digits and _, at most 63.`);
  }
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('marquee.app_role', ${settings.role}, true), set_config('marquee.app_password', ${settings.password ?? ""}, true)`,
    );
    await tx.execute(GRANT_APP_ROLE);
    const result = await tx.execute(
      sql`select current_setting('marquee.app_role_created') as created, current_setting('marquee.app_role_owner') as owner`,
    );
    // postgres.js answers with the rows themselves, PGlite with { rows }.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      created: string;
      owner: string;
    }[];
    const row = rows[0];
    return { created: row?.created === "true", owner: row?.owner ?? "" };
  });
}
