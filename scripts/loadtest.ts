/**
 * `npm run loadtest`: real traffic through nginx against a cluster of its own
 * (README, "Load and faults"): members posting comments, rating a film and
 * liking a review through the real server actions within the flood limits
 * (comments shortened to one a second), visitors reading, while one instance
 * is killed with SIGKILL and started again, another is sent SIGTERM and
 * started again, and PostgreSQL (a server of the test's own, never the
 * machine's) restarts. Prints what was acknowledged, what the database has,
 * what was lost, answers by status, p50 and p99 per phase, the time to
 * recover after each fault and, in the full run, 20 parallel signed-in reads
 * right after PostgreSQL is back and again a minute later.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, asc, eq, inArray, like } from "drizzle-orm";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import { accounts, comments, films, ratings, reviewLikes, reviews, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { marqueeAdapter } from "@/lib/auth/adapter";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { SIGN_IN_TO_COMMENT } from "@/lib/policy";
import {
  findLikeReviewAction,
  findPostCommentAction,
  findRateFilmAction,
  postAction,
  postComment,
  probe,
} from "./bench/http";
import { freePorts, stopProcess } from "./cluster/processes";
import { teardownOnSignals } from "./support/teardown";
import {
  deleteRedisPrefix,
  ensureBuild,
  ensureDatabase,
  ensureRedis,
  root,
  sharedSecrets,
  startInstance,
  startNginx,
  type Instance,
  type InstanceSettings,
} from "./cluster/stack";
import { startPostgresServer, type PostgresServer } from "./loadtest/postgres-server";
import { failed, lostStates, phaseTable, recoveryMs, type Sample, type StateWrite } from "./loadtest/stats";

const log = (line: string) => console.log(`[loadtest] ${line}`);

const { values: args } = parseArgs({
  options: {
    duration: { type: "string" },
    members: { type: "string" },
    visitors: { type: "string" },
    instances: { type: "string" },
    ports: { type: "string", default: "3101-3199" },
    short: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  console.log(`npm run loadtest -- [--duration=60] [--members=200] [--visitors=20] [--instances=2] [--ports=3101-3199] [--short] [--strict] [--build]

  --short    the CI version: 2 instances, 20 members, 20 s, one SIGKILL, one PostgreSQL restart
  --strict   exit 1 when an acknowledged comment, rating or like is missing, or a visitor's read got no answer
             or a 5xx outside the database's restart (and its 5 s to recover)
  --ports    the range for the test's PostgreSQL, nginx and instances (default 3101-3199)

Uses the machine's Redis (REDIS_URL, default redis://127.0.0.1:6379; a key prefix of its own,
deleted at the end) and starts its own PostgreSQL with initdb/pg_ctl, removed at the end.`);
  process.exit(0);
}

const number = (value: string | undefined, fallback: number, name: string) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not "${value}"`);
  return n;
};
const settings = {
  seconds: number(args.duration, args.short ? 20 : 60, "duration"),
  members: number(args.members, args.short ? 20 : 200, "members"),
  visitors: number(args.visitors, args.short ? 4 : 20, "visitors"),
  instances: Math.max(2, number(args.instances, 2, "instances")),
};
const stamp = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const runDir = path.join(root, "test-results", "loadtest");

// ---------------------------------------------------------------- stopping

const teardown = teardownOnSignals("loadtest", "stopping and cleaning up…", 130);
const cleanups = teardown.steps;
const cleanup = teardown.run;

// ---------------------------------------------------------------- data

async function prepare(handle: DatabaseHandle) {
  await handle.migrate();
  await seedIfEmpty(handle.db, { demo: true, log: () => {} });
  const [review] = await handle.db
    .select({ id: reviews.id, filmId: reviews.filmId, filmSlug: films.slug })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .orderBy(asc(reviews.id))
    .limit(1);
  if (!review) throw new Error("The demo data has no review.");
  // Members exactly as sign-in makes them: a user, a sign-in account and a session through the adapter.
  const adapter = marqueeAdapter(handle.db);
  const expires = new Date(Date.now() + 24 * 3600_000);
  const cookies: string[] = [];
  const memberIds: string[] = [];
  const cookieName = sessionCookie(false).name;
  for (let i = 0; i < settings.members; i++) {
    const handleName = `load-${stamp}-${i}`;
    const [member] = await handle.db
      .insert(users)
      .values({ handle: handleName, name: `Load member ${i}`, role: "member" })
      .returning({ id: users.id });
    await handle.db
      .insert(accounts)
      .values({ userId: member!.id, type: "oauth", provider: "google", providerAccountId: `load-${handleName}` });
    const sessionToken = randomBytes(32).toString("hex");
    await adapter.createSession!({ sessionToken, userId: member!.id, expires });
    cookies.push(`${cookieName}=${sessionToken}`);
    memberIds.push(member!.id);
  }
  return { reviewId: review.id, filmId: review.filmId, filmSlug: review.filmSlug, cookies, memberIds };
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const [pgPort, nginxPort, ...instancePorts] = await freePorts(args.ports, 2 + settings.instances);

  log(`PostgreSQL of its own on port ${pgPort}…`);
  const pg: PostgresServer = await startPostgresServer(pgPort!);
  cleanups.push({ name: "PostgreSQL", run: () => pg.stop() });
  const databaseUrl = pg.url("marquee_load");
  await ensureDatabase(databaseUrl);
  const handle = openPostgres(databaseUrl);
  cleanups.push({ name: "the test's connection", run: () => handle.close() });
  log(`${settings.members} members with sessions, the demo data…`);
  const { reviewId, filmId, filmSlug, cookies, memberIds } = await prepare(handle);

  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const redisPrefix = `${process.env.MARQUEE_REDIS_PREFIX ?? "marquee:"}load-${stamp}:`;
  const stopRedis = await ensureRedis(redisUrl, runDir, log);
  if (stopRedis) cleanups.push({ name: "redis-server", run: stopRedis });
  cleanups.push({ name: "the test's Redis keys", run: () => deleteRedisPrefix(redisUrl, redisPrefix) });

  const secrets = sharedSecrets(runDir);
  const deploymentId = await ensureBuild({ force: args.build, runDir, secrets, log });
  const siteUrl = `http://127.0.0.1:${nginxPort}`;
  const instanceSettings: InstanceSettings = {
    databaseUrl,
    redisUrl,
    redisPrefix,
    siteUrl,
    secrets,
    deploymentId,
    runDir,
    // The flood limit shortened to one comment a second; every visitor reads from 127.0.0.1.
    extra: { MARQUEE_COMMENT_INTERVAL_SECONDS: "1", MARQUEE_COMMENT_DAILY_CAP: "100000", MARQUEE_IP_LIMIT_SCALE: "0" },
  };
  log(`${settings.instances} instances on ports ${instancePorts.join(", ")}, nginx on ${nginxPort}…`);
  const instances: Instance[] = await Promise.all(instancePorts.map((port) => startInstance(instanceSettings, port)));
  cleanups.push({
    name: "instances",
    run: () => Promise.all(instances.map((i) => stopProcess(i.child))).then(() => {}),
  });
  const proxy = await startNginx({ runDir, port: nginxPort!, instancePorts, microCache: false });
  cleanups.push({ name: "nginx", run: () => stopProcess(proxy, "SIGQUIT", 10_000) });

  // ---------------------------------------------------------------- the run
  const action = findPostCommentAction(root);
  const rateAction = findRateFilmAction(root);
  const likeAction = findLikeReviewAction(root);
  /** Every rating and like sent, in order, with whether it was acknowledged (the tally compares the last ones with the rows). */
  const ratingWrites: StateWrite<number>[] = [];
  const likeWrites: StateWrite<boolean>[] = [];
  const samples: Sample[] = [];
  const acknowledged: string[] = [];
  /** What the action said when it saved nothing but answered (a refusal such as the flood limit, or an error row). */
  const refusals = new Map<string, number>();
  const began = performance.now();
  const now = () => performance.now() - began;
  const endAt = settings.seconds * 1000;
  let phase = "no fault";
  const phases = [phase];
  const faults: { name: string; at: number; until: number; downMs?: number }[] = [];

  const refused = (outcome: { ok: boolean; status: number; message: string }) => {
    if (!outcome.ok && outcome.status === 200) refusals.set(outcome.message, (refusals.get(outcome.message) ?? 0) + 1);
  };
  const member = async (index: number) => {
    let n = 0;
    const cookie = cookies[index]!;
    const id = memberIds[index]!;
    // Spread the first posts over a second.
    await new Promise((resolve) => setTimeout(resolve, (index * 1000) / settings.members));
    while (now() < endAt) {
      // In turn: a comment, a rating (1 to 4 stars, never the same twice running), a like or an unlike.
      const turn = n++ % 3;
      const at = now();
      if (turn === 0) {
        const body = `load ${stamp} m${index} #${n}`;
        const outcome = await postComment(siteUrl, action, cookie, { reviewId, body });
        // A request belongs to the phase its answer came in (a post cut off by a kill counts there).
        samples.push({ kind: "post", phase, at, ms: outcome.ms, status: outcome.status, ok: outcome.ok });
        if (outcome.ok) acknowledged.push(body);
        refused(outcome);
      } else if (turn === 1) {
        const halfStars = 1 + (Math.floor(n / 3) % 8);
        const outcome = await postAction(siteUrl, `/films/${filmSlug}`, rateAction, cookie, {
          film: filmSlug,
          intent: "rate",
          halfStars: String(halfStars),
        });
        samples.push({ kind: "rating", phase, at, ms: outcome.ms, status: outcome.status, ok: outcome.ok });
        ratingWrites.push({ member: id, value: halfStars, acknowledged: outcome.ok });
        refused(outcome);
      } else {
        const liked = Math.floor(n / 3) % 2 === 1;
        const outcome = await postAction(siteUrl, `/reviews/${reviewId}`, likeAction, cookie, {
          reviewId: String(reviewId),
          like: liked ? "1" : "0",
        });
        samples.push({ kind: "like", phase, at, ms: outcome.ms, status: outcome.status, ok: outcome.ok });
        likeWrites.push({ member: id, value: liked, acknowledged: outcome.ok });
        refused(outcome);
      }
      // The shortened limit is one comment a second, counted when the server takes it: wait a second after each answer.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  const visitor = async (index: number) => {
    const paths = [`/reviews/${reviewId}`, "/films/her", "/robots.txt"];
    let n = index;
    while (now() < endAt) {
      const at = now();
      const started = performance.now();
      let status = 0;
      try {
        const response = await fetch(siteUrl + paths[n++ % paths.length], { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
      samples.push({ kind: "read", phase, at, ms: performance.now() - started, status, ok: status === 200 });
    }
  };

  const fault = async (name: string, atFraction: number, act: () => Promise<number | void>) => {
    const wait = atFraction * endAt - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    phase = name;
    phases.push(name);
    // A fault's window lasts until the next one; the last one's until every answer is in.
    const record: (typeof faults)[number] = { name, at: now(), until: Number.POSITIVE_INFINITY };
    const previous = faults.at(-1);
    if (previous) previous.until = record.at;
    faults.push(record);
    log(`${(record.at / 1000).toFixed(1)} s: ${name}`);
    const downMs = await act();
    if (typeof downMs === "number") record.downMs = downMs;
  };
  const restart = async (index: number, signal: NodeJS.Signals) => {
    const instance = instances[index]!;
    await stopProcess(instance.child, signal, 15_000);
    instances[index] = await startInstance(instanceSettings, instance.port);
  };

  /**
   * 20 signed-in GETs of the review page at once through nginx (the issue's
   * test of recovery): their statuses, how many pages said "sign in" to a
   * member, and when the slowest answered.
   */
  type ProbeRound = { statuses: Map<number, number>; signedOut: number; slowestMs: number };
  const probeRound = async (): Promise<ProbeRound> => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        probe(`${siteUrl}/reviews/${reviewId}`, { Cookie: cookies[i % cookies.length]! }, 30_000),
      ),
    );
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    return {
      statuses,
      signedOut: answers.filter((a) => a.status === 200 && a.body.includes(SIGN_IN_TO_COMMENT)).length,
      slowestMs: Math.max(...answers.map((a) => a.ms)),
    };
  };
  const allOk = (round: ProbeRound) => round.statuses.get(200) === 20;
  const describeRound = (round: ProbeRound) =>
    [...round.statuses.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([status, n]) => `${status <= 0 ? "no answer" : status} × ${n}`)
      .join(", ") +
    `, slowest ${Math.round(round.slowestMs)} ms` +
    (round.signedOut > 0 ? `, ${round.signedOut} told a member to sign in` : "");
  const recoveryProbe: { rounds: ProbeRound[]; allOkAfterMs?: number; later?: ProbeRound } = { rounds: [] };
  /** From the moment PostgreSQL is back: rounds until all 20 are 200 (30 s at most), then one more round a minute later. */
  const probeRecovery = async () => {
    const back = performance.now();
    while (performance.now() - back < 30_000) {
      const round = await probeRound();
      recoveryProbe.rounds.push(round);
      if (allOk(round)) {
        recoveryProbe.allOkAfterMs = performance.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const wait = 60_000 - (performance.now() - back);
    log(`probing again in ${Math.round(wait / 1000)} s (a minute after PostgreSQL came back)…`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    recoveryProbe.later = await probeRound();
  };

  log(`running for ${settings.seconds} s: ${settings.members} members posting, ${settings.visitors} visitors reading…`);
  const traffic = [
    ...Array.from({ length: settings.members }, (_, i) => member(i)),
    ...Array.from({ length: settings.visitors }, (_, i) => visitor(i)),
  ];
  const faultPlan = args.short
    ? (async () => {
        await fault("SIGKILL instance 1", 0.3, () => restart(0, "SIGKILL"));
        await fault("PostgreSQL restart", 0.65, async () => (await pg.restart()).downMs);
      })()
    : (async () => {
        await fault("SIGKILL instance 1", 0.2, () => restart(0, "SIGKILL"));
        await fault("SIGTERM instance 2", 0.45, () => restart(1, "SIGTERM"));
        await fault("PostgreSQL restart", 0.7, async () => {
          const { downMs } = await pg.restart();
          // Runs on past the traffic's end when it must: the second round comes a minute after PostgreSQL is back.
          await probeRecovery();
          return downMs;
        });
      })();
  await Promise.all([...traffic, faultPlan]);

  // ---------------------------------------------------------------- the tally
  const stored = new Set(
    (
      await handle.db
        .select({ body: comments.body })
        .from(comments)
        .where(like(comments.body, `load ${stamp} %`))
    ).map((row) => row.body),
  );
  const lost = acknowledged.filter((body) => !stored.has(body));
  // Ratings and likes set a state: each member's row must hold the last one acknowledged (or one sent after it whose answer never came).
  const ratingRows = await handle.db
    .select({ userId: ratings.userId, halfStars: ratings.halfStars })
    .from(ratings)
    .where(and(eq(ratings.filmId, filmId), inArray(ratings.userId, memberIds)));
  const likeRows = await handle.db
    .select({ userId: reviewLikes.userId })
    .from(reviewLikes)
    .where(and(eq(reviewLikes.reviewId, reviewId), inArray(reviewLikes.userId, memberIds)));
  const lostRatings = lostStates(ratingWrites, new Map(ratingRows.map((r) => [r.userId, r.halfStars])), undefined);
  const lostLikes = lostStates(likeWrites, new Map(likeRows.map((r) => [r.userId, true])), false);
  const acked = (writes: StateWrite<unknown>[]) => writes.filter((w) => w.acknowledged).length;
  const members = (writes: StateWrite<unknown>[]) =>
    new Set(writes.filter((w) => w.acknowledged).map((w) => w.member)).size;
  const handleOf = new Map(memberIds.map((id, i) => [id, `m${i}`]));
  const named = (ids: string[]) =>
    ids.length > 0
      ? ` (${ids
          .slice(0, 5)
          .map((id) => handleOf.get(id))
          .join(", ")}…)`
      : "";
  console.log("");
  console.log("| writes | acknowledged | rows found | lost |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| comments | ${acknowledged.length} | ${stored.size} | ${lost.length} |`);
  console.log(
    `| ratings (members with one acknowledged) | ${acked(ratingWrites)} (${members(ratingWrites)}) | ${ratingRows.length} | ${lostRatings.length} |`,
  );
  console.log(
    `| likes and unlikes (members with one acknowledged) | ${acked(likeWrites)} (${members(likeWrites)}) | ${likeRows.length} liked | ${lostLikes.length} |`,
  );
  if (lost.length > 0) console.log(`lost comments: ${lost.slice(0, 5).join("; ")}…`);
  if (lostRatings.length > 0)
    console.log(`members whose last acknowledged rating is not stored: ${named(lostRatings)}`);
  if (lostLikes.length > 0)
    console.log(`members whose last acknowledged like or unlike is not stored: ${named(lostLikes)}`);
  console.log("");
  console.log(phaseTable(samples, phases));
  for (const [message, n] of [...refusals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3))
    console.log(`  200 not saved × ${n}: ${message}`);
  console.log("");
  for (const f of faults) {
    const down = f.downMs === undefined ? "" : `, PostgreSQL down for ${Math.round(f.downMs)} ms`;
    console.log(
      `${f.name} at ${(f.at / 1000).toFixed(1)} s: recovered after ${Math.round(recoveryMs(samples, f.at, f.until))} ms${down}`,
    );
  }

  // Reads must not fail outside the database's restart and its 5 s to recover.
  const dbFault = faults.find((f) => f.name === "PostgreSQL restart");
  const outsideDbWindow = samples.filter(
    (s) =>
      s.kind === "read" &&
      failed(s) &&
      !(dbFault && s.at + s.ms >= dbFault.at && s.at <= dbFault.at + (dbFault.downMs ?? 0) + 5_000),
  );
  console.log(`visitor reads failed outside the database's restart: ${outsideDbWindow.length}`);
  if (recoveryProbe.rounds.length > 0) {
    console.log("");
    console.log("20 parallel signed-in reads of the review page after PostgreSQL came back:");
    recoveryProbe.rounds.forEach((round, i) => console.log(`  round ${i + 1}: ${describeRound(round)}`));
    console.log(
      recoveryProbe.allOkAfterMs === undefined
        ? "  never all 200 within 30 s"
        : `  all 200 ${Math.round(recoveryProbe.allOkAfterMs)} ms after PostgreSQL was back`,
    );
    if (recoveryProbe.later) console.log(`  a minute later: ${describeRound(recoveryProbe.later)}`);
  }
  if (!args.strict) return 0;
  const nothingLost = lost.length === 0 && lostRatings.length === 0 && lostLikes.length === 0;
  return nothingLost && outsideDbWindow.length === 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`[loadtest] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup();
    process.exit(1);
  });
