import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { AUTH_SECRET_MIN_BYTES, type Env } from "@/lib/env";

/**
 * AUTH_SECRET signs cookies and tokens. Production must set it. In development
 * without one, a random secret is made once and kept in the data folder, so
 * `npm run dev` works on a fresh clone and sessions survive a restart.
 */
export function resolveAuthSecret(config: Env): string {
  if (config.AUTH_SECRET) {
    if (config.NODE_ENV === "production" && Buffer.byteLength(config.AUTH_SECRET, "utf8") < AUTH_SECRET_MIN_BYTES) {
      throw new Error(
        `Marquee cannot start: AUTH_SECRET is shorter than ${AUTH_SECRET_MIN_BYTES} bytes. Set it to a long random string (openssl rand -base64 33).`,
      );
    }
    return config.AUTH_SECRET;
  }
  if (config.NODE_ENV === "production") {
    throw new Error(
      "Marquee cannot start: AUTH_SECRET is missing. Set it to a long random string (openssl rand -base64 33).",
    );
  }
  const dir = path.resolve(config.MARQUEE_DATA_DIR);
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
