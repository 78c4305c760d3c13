import "server-only";
import { connect } from "node:net";
import { connect as connectTls } from "node:tls";
import { databaseUnreachable, pingDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { isDraining } from "@/lib/shutdown";

/** What the readiness check found, one entry per dependency. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | "draining" | "unreachable">;
}

/**
 * Sends Redis's PING over a fresh connection and waits for +PONG, within
 * `timeoutMs`. Small on purpose: readiness needs one round trip, not a client.
 */
export function pingRedis(url: string, timeoutMs: number): Promise<void> {
  const target = new URL(url);
  const port = Number(target.port || 6379);
  const host = target.hostname || "127.0.0.1";
  const password = decodeURIComponent(target.password);
  const user = decodeURIComponent(target.username);
  const commands: string[][] = [];
  if (password) commands.push(user ? ["AUTH", user, password] : ["AUTH", password]);
  commands.push(["PING"]);
  const wire = commands.map(
    (args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`,
  );
  return new Promise((resolve, reject) => {
    const socket =
      target.protocol === "rediss:" ? connectTls({ host, port, servername: host }) : connect({ host, port });
    let answer = "";
    const done = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`Redis did not answer within ${timeoutMs} ms`)));
    socket.once("error", (error) => done(error));
    socket.once(target.protocol === "rediss:" ? "secureConnect" : "connect", () => socket.write(wire.join("")));
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
      if (answer.startsWith("-")) return done(new Error(`Redis refused: ${answer.split("\r\n")[0]}`));
      if (answer.includes("+PONG\r\n")) done();
    });
  });
}

/**
 * Whether this instance should get requests: not while it drains after
 * SIGTERM, and only when the database answers (and Redis, when REDIS_URL is
 * set), each within a second.
 */
export async function readiness(): Promise<Readiness> {
  const checks: Readiness["checks"] = {};
  if (isDraining()) checks.server = "draining";
  const database = databaseUnreachable() ? Promise.reject(new Error("known unreachable")) : pingDatabase(1_000);
  const redisUrl = env().REDIS_URL;
  const [db, redis] = await Promise.allSettled([database, redisUrl ? pingRedis(redisUrl, 1_000) : Promise.resolve()]);
  checks.database = db.status === "fulfilled" ? "ok" : "unreachable";
  if (redisUrl) checks.redis = redis.status === "fulfilled" ? "ok" : "unreachable";
  return { ready: Object.values(checks).every((check) => check === "ok"), checks };
}
