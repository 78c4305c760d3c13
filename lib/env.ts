import { z } from "zod";

/**
 * The one place that reads `process.env`. Every other module asks this one.
 * No `server-only` import: the database scripts run under plain Node.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
    .optional(),
  MARQUEE_DATA_DIR: z.string().trim().min(1).default(".data"),
  /** "0" skips the demo seed and catalogue import on an empty embedded database. */
  MARQUEE_SEED: z.enum(["0", "1"]).default("1"),
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
});

export type Env = z.infer<typeof schema>;

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
