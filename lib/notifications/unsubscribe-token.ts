// No "server-only" here: the mail sender (started from instrumentation) signs links with it too.
import { createHmac, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

/**
 * The token in a reply e-mail's unsubscribe link: the member's id and an
 * HMAC of it under a key derived from AUTH_SECRET (never AUTH_SECRET
 * itself, so a token tells nothing about the key sign-in cookies use). It
 * does one thing, turn reply e-mail off, so it needs no expiry.
 */
const PURPOSE = "marquee:unsubscribe:reply:v1";

function unsubscribeKey(): Buffer {
  return createHmac("sha256", resolveAuthSecret(env())).update(PURPOSE).digest();
}

function signatureOf(memberId: string): Buffer {
  return createHmac("sha256", unsubscribeKey()).update(memberId).digest();
}

/** The token that turns off reply e-mail for `memberId`. */
export function unsubscribeToken(memberId: string): string {
  return `${Buffer.from(memberId).toString("base64url")}.${signatureOf(memberId).toString("base64url")}`;
}

/** The member a token was made for, or null when it is not one Marquee signed (tampered, truncated). */
export function memberOfToken(token: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const memberId = Buffer.from(match[1], "base64url").toString("utf8");
  if (Buffer.from(memberId).toString("base64url") !== match[1]) return null;
  const given = Buffer.from(match[2], "base64url");
  // The last of 43 characters carries 4 bits and 2 spare ones: only the spelling we write is ours.
  if (given.toString("base64url") !== match[2]) return null;
  const expected = signatureOf(memberId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? memberId : null;
}
