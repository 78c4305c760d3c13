import { isIP } from "node:net";
import { z } from "zod";

/**
 * The one place that reads `process.env`. Every other module asks this one.
 * No `server-only` import: instrumentation.ts and drizzle.config.ts load it too.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
    .optional(),
  /**
   * Read replicas of DATABASE_URL, comma-separated `postgres://…` URLs: reads
   * outside actions go to them (db/client.ts, getDb).
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every((entry) => /^postgres(ql)?:\/\//.test(entry)),
      "must be postgres:// or postgresql:// URLs, comma-separated",
    ),
  MARQUEE_DATA_DIR: z.string().trim().min(1).default(".data"),
  /**
   * What a new, empty embedded database gets on first start: "demo" (demo
   * members, "Her", its review and comments, and the catalogue), "catalogue"
   * (the films only) or "none". Unset: "demo" in development, "catalogue" in
   * production, so no demo admin ever appears on a real site.
   */
  MARQUEE_SEED: z.enum(["demo", "catalogue", "none"]).optional(),
  AUTH_SECRET: z.string().min(1).optional(),
  AUTH_URL: z.string().url().optional(),
  AUTH_TRUST_HOST: z.enum(["true", "false", "1", "0"]).optional(),
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  AUTH_TWITTER_ID: z.string().min(1).optional(),
  AUTH_TWITTER_SECRET: z.string().min(1).optional(),
  AUTH_FACEBOOK_ID: z.string().min(1).optional(),
  AUTH_FACEBOOK_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_ISSUER: z.string().url().optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().min(1).optional(),
  MARQUEE_SITE_URL: z.string().url().optional(),
  /**
   * The key Next.js encrypts a server action's bound arguments with, base64 of
   * 32 random bytes. Every instance must share it, or a form rendered by one
   * fails when posted to another.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine(isBase64Key, "must be 32 random bytes in base64 (openssl rand -base64 32)")
    .optional(),
  /**
   * Names the build every instance runs (Next's deploymentId, read by
   * next.config.js): the same value at build and start, on every instance.
   * NEXT_DEPLOYMENT_ID, Next's own name for it, is read when this is unset.
   */
  MARQUEE_DEPLOYMENT_ID: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  NEXT_DEPLOYMENT_ID: z.string().trim().min(1).max(64).optional(),
  /** Seconds a member waits between comments (moderators are exempt). */
  MARQUEE_COMMENT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /**
   * Seconds a server keeps answering after SIGTERM while its readiness check
   * says 503, so the load balancer stops sending before it closes (then up to
   * 10 s more for the requests in flight).
   */
  MARQUEE_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(30).default(2),
  /** Comments a member may post in a day. */
  MARQUEE_COMMENT_DAILY_CAP: z.coerce.number().int().min(1).max(100_000).default(200),
  /**
   * The proxies whose X-Forwarded-For is believed: IP addresses or CIDR ranges,
   * comma-separated (say "10.0.0.0/8, ::1"). None by default: the client is the
   * connection's own address.
   */
  MARQUEE_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isAddressOrRange), "must be IP addresses or CIDR ranges, comma-separated"),
  /**
   * Multiplies every per-IP limit (sign-in starts, anonymous search, feeds);
   * 0 turns them off. For test and benchmark runs from one address.
   */
  MARQUEE_IP_LIMIT_SCALE: z.coerce.number().min(0).max(1000).default(1),
  /** `npm run db:roles`: the role the app serves as on a PostgreSQL server, and its password. */
  MARQUEE_APP_ROLE: z.string().trim().min(1).default("marquee_app"),
  MARQUEE_APP_PASSWORD: z.string().min(1).optional(),
  /**
   * A Redis server (redis:// or rediss://) that holds Next's caches and the
   * posting limits, shared by every app instance. Unset: each process keeps
   * its own cache and the limits are counted in PostgreSQL. The readiness
   * check pings it when set.
   */
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\//.test(v), "must start with redis:// or rediss://")
    .optional(),
  /** What every Redis key Marquee writes starts with (so sites and test runs can share a server). */
  MARQUEE_REDIS_PREFIX: z.string().trim().min(1).default("marquee:"),
  /**
   * The mail server reply e-mail goes through (smtp:// or smtps://, user and
   * password in the URL when it wants them). Unset: no e-mail is queued or sent.
   */
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://")
    .optional(),
  /** Who reply e-mail comes from ("Marquee <notices@marquee.example>"). */
  MAIL_FROM: z.string().trim().min(3).default("Marquee <notices@localhost>"),
});

export type Env = z.infer<typeof schema>;

/** "203.0.113.7", "2001:db8::1", "10.0.0.0/8" or "2001:db8::/32". */
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Base64 (standard or URL-safe) of exactly 32 bytes: an AES-256 key. */
function isBase64Key(value: string): boolean {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return false;
  return Buffer.from(value, "base64").length === 32;
}

function blankToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(source)) out[key] = value === "" ? undefined : value;
  return out;
}

/** Parses an environment; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(blankToUndefined(source));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Marquee cannot start; fix these environment variables:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The port this server listens on: `next dev` and `next start` write the one
 * they chose (`-p`, or PORT) into process.env.PORT as they start, after this
 * module may have been read, so it is read on each call. 3000 when unset.
 */
export function listeningPort(): number {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000;
}

/** What an empty embedded database is seeded with (see MARQUEE_SEED). */
export function seedPlan(config: Env): "demo" | "catalogue" | "none" {
  return config.MARQUEE_SEED ?? (config.NODE_ENV === "production" ? "catalogue" : "demo");
}

/**
 * Where the database is, in the shape db/client.ts's openDatabase() takes: the
 * server at DATABASE_URL, else the embedded folder.
 */
export function databaseSettings(config: Env): { url?: string; dataDir: string; replicaUrls: string[] } {
  return { url: config.DATABASE_URL, dataDir: config.MARQUEE_DATA_DIR, replicaUrls: config.DATABASE_REPLICA_URLS };
}

/** Forget the parsed environment so the next env() reads process.env again (tests change it). */
export function reloadEnv(): void {
  cached = undefined;
}

/** The shortest AUTH_SECRET production accepts, in bytes (UTF-8): it signs and encrypts every sign-in cookie. */
export const AUTH_SECRET_MIN_BYTES = 32;

/** The build's deployment id (MARQUEE_DEPLOYMENT_ID, else NEXT_DEPLOYMENT_ID), as next.config.js reads it. */
export function deploymentId(config: Env): string | undefined {
  return config.MARQUEE_DEPLOYMENT_ID ?? config.NEXT_DEPLOYMENT_ID;
}

/** Whether Auth.js should believe the request's host: always when AUTH_URL names the site, else as AUTH_TRUST_HOST says. */
export function trustsHost(config: Env): boolean {
  if (config.AUTH_URL) return true;
  return config.AUTH_TRUST_HOST === "true" || config.AUTH_TRUST_HOST === "1" || config.NODE_ENV !== "production";
}

/**
 * What a production server lacks to run sign-in safely and to link to itself:
 * the names of the missing or unsafe settings, empty when nothing is wrong (or
 * when not in production).
 */
export function missingProductionSettings(config: Env): string[] {
  if (config.NODE_ENV !== "production") return [];
  const missing: string[] = [];
  if (!config.AUTH_SECRET) missing.push("AUTH_SECRET");
  else if (Buffer.byteLength(config.AUTH_SECRET, "utf8") < AUTH_SECRET_MIN_BYTES) missing.push("AUTH_SECRET too short");
  if (!trustsHost(config)) missing.push("AUTH_URL or AUTH_TRUST_HOST");
  // Feeds, canonical links and the sitemap are absolute: without the public URL they would name localhost.
  if (!config.AUTH_URL && !config.MARQUEE_SITE_URL) missing.push("AUTH_URL or MARQUEE_SITE_URL");
  // What every instance behind a load balancer must agree on, so any of them can answer any request.
  if (!config.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) missing.push("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
  if (!deploymentId(config)) missing.push("MARQUEE_DEPLOYMENT_ID");
  if (config.DATABASE_REPLICA_URLS.length > 0 && !config.DATABASE_URL) missing.push("DATABASE_URL for the replicas");
  // A provider with only half its settings would silently vanish from the sign-in page.
  const groups: string[][] = [
    ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ["AUTH_TWITTER_ID", "AUTH_TWITTER_SECRET"],
    ["AUTH_FACEBOOK_ID", "AUTH_FACEBOOK_SECRET"],
    ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
  ];
  const values = config as unknown as Record<string, string | undefined>;
  for (const group of groups) {
    const set = group.filter((name) => values[name]);
    if (set.length > 0 && set.length < group.length) missing.push(...group.filter((name) => !values[name]));
  }
  return missing;
}

/** Throws one message naming every missing production setting, and how to fix it. */
export function assertProductionReady(config: Env): void {
  const missing = missingProductionSettings(config);
  if (missing.length === 0) return;
  const hints: Record<string, string> = {
    AUTH_SECRET: "AUTH_SECRET: a long random string that signs sign-in cookies (openssl rand -base64 33)",
    "AUTH_SECRET too short": `AUTH_SECRET: is shorter than ${AUTH_SECRET_MIN_BYTES} bytes; use a long random string (openssl rand -base64 33)`,
    "AUTH_URL or AUTH_TRUST_HOST":
      "AUTH_URL or AUTH_TRUST_HOST: the site's public URL (AUTH_URL=https://marquee.example), or AUTH_TRUST_HOST=true behind a proxy that sets the Host header",
    "AUTH_URL or MARQUEE_SITE_URL":
      "AUTH_URL or MARQUEE_SITE_URL: the site's public URL (https://marquee.example), used in feeds, canonical links and the sitemap",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: the key every instance encrypts forms' hidden arguments with, the same on all of them (openssl rand -base64 32)",
    "DATABASE_URL for the replicas":
      "DATABASE_URL: DATABASE_REPLICA_URLS names read replicas, so the primary they copy must be set too",
    MARQUEE_DEPLOYMENT_ID:
      "MARQUEE_DEPLOYMENT_ID (or NEXT_DEPLOYMENT_ID): a name for this build, the same at build and start on every instance (a release tag or commit, say)",
  };
  throw new Error(
    `Marquee cannot start in production; set these environment variables:\n  ${missing.map((name) => hints[name] ?? name).join("\n  ")}`,
  );
}

/** Whether `npm run db:seed` may run: never against a production environment unless told so with --force. */
export function seedRefusal(config: Env, argv: readonly string[]): string | null {
  if (config.NODE_ENV !== "production" || argv.includes("--force")) return null;
  return (
    "db:seed creates demo members, including a demo admin, so it does not run when NODE_ENV=production. " +
    "Load the films with `npm run db:import`; to seed a throwaway production-mode database anyway, run `npm run db:seed -- --force`."
  );
}
