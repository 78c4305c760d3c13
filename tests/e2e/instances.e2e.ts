import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTHING_SAVED } from "@/lib/unavailable";
import { createPostgresCluster, lockFilms, type PostgresCluster } from "../support/pg-cluster";
import { appEnvironment, freePorts, sharedInstanceSettings } from "./support/processes";

/**
 * Two `next start` processes on the same build and one PostgreSQL cluster of
 * this file's own, as behind a load balancer: a form rendered by one is
 * posted to the other; the database is stopped and started under them; one
 * is sent SIGTERM with requests in flight.
 */

interface Instance {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
}

const AWAY = "Marquee can't reach its database right now";
/** The statement timeout (5 s) and a margin: no request may take longer while the database is away. */
const NO_HANG_MS = 7_000;

let cluster: PostgresCluster;
let admin: postgres.Sql;
let a: Instance;
let b: Instance;
let context: BrowserContext;
let profileDir: string;
const member = { id: randomUUID(), handle: `lb_${randomBytes(3).toString("hex")}`, token: randomUUID() };
const secret = randomBytes(32).toString("base64url");

function startInstance(port: number, databaseUrl: string, publicUrl: string): Instance {
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: appEnvironment({
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      AUTH_TRUST_HOST: "true",
      MARQUEE_SITE_URL: publicUrl,
      MARQUEE_IP_LIMIT_SCALE: "0",
      ...sharedInstanceSettings(),
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { port, baseUrl: `http://localhost:${port}`, child, output: () => output };
}

async function waitReady(instance: Instance): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (instance.child.exitCode !== null) throw new Error(`next start exited:\n${instance.output()}`);
    if (Date.now() > deadline) throw new Error(`next start not ready within 90 s:\n${instance.output()}`);
    const ready = await fetch(`${instance.baseUrl}/api/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A GET as the signed-in member, timed, its body read to the end. */
async function memberGet(instance: Instance, pathname: string): Promise<{ status: number; ms: number; body: string }> {
  const started = Date.now();
  const response = await fetch(`${instance.baseUrl}${pathname}`, {
    headers: { cookie: `authjs.session-token=${member.token}` },
    redirect: "manual",
    signal: AbortSignal.timeout(40_000),
  });
  const body = await response.text();
  return { status: response.status, ms: Date.now() - started, body };
}

beforeAll(async () => {
  const [pgPort, portA, portB] = await freePorts(3);
  cluster = createPostgresCluster(pgPort!);
  admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
  await admin`create database marquee`;
  // Both start at once on an empty database: they migrate one after the other under the advisory lock.
  const publicUrl = `http://localhost:${portA}`;
  a = startInstance(portA!, cluster.url("marquee"), publicUrl);
  b = startInstance(portB!, cluster.url("marquee"), publicUrl);
  await Promise.all([waitReady(a), waitReady(b)]);

  const db = postgres(cluster.url("marquee"), { max: 1, onnotice: () => {} });
  await db`insert into users (id, handle, name, email) values (${member.id}, ${member.handle}, 'Lena Balancer', ${`${member.handle}@example.test`})`;
  await db`insert into sessions (session_token, user_id, expires) values (${member.token}, ${member.id}, now() + interval '1 day')`;
  await db.end();

  profileDir = mkdtempSync(path.join(tmpdir(), "marquee-chromium-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  await context.addCookies([
    { name: "authjs.session-token", value: member.token, url: a.baseUrl, httpOnly: true, sameSite: "Lax" },
  ]);
}, 180_000);

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  for (const instance of [a, b]) {
    if (instance && instance.child.exitCode === null) {
      const exited = new Promise((resolve) => instance.child.once("exit", resolve));
      instance.child.kill("SIGKILL");
      await exited;
    }
  }
  await admin?.end();
  cluster?.destroy();
}, 60_000);

describe("two instances on one database", () => {
  it("migrated once when both started together", async () => {
    const db = postgres(cluster.url("marquee"), { max: 1, onnotice: () => {} });
    const rows = await db<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations`;
    await db.end();
    expect(new Set(rows.map((row) => row.hash)).size).toBe(rows.length);
    expect(a.output() + b.output()).not.toMatch(/already exists|Error/);
  });

  it("takes a form rendered by one instance and posted to the other", async () => {
    const page = await context.newPage();
    let postedToB = 0;
    // The load balancer: the page comes from A, the form's post goes to B with the same public host.
    await page.route(`${a.baseUrl}/**`, async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      postedToB++;
      const response = await route.fetch({
        url: request.url().replace(a.baseUrl, b.baseUrl),
        headers: { ...request.headers(), "x-forwarded-host": `localhost:${a.port}` },
      });
      await route.fulfill({ response });
    });
    await page.goto(`${a.baseUrl}/account`);
    await page.getByLabel("Display name").fill("Lena from B");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByRole("status").allTextContents()).toContain("Your profile is saved.");
    expect(postedToB).toBeGreaterThan(0);
    const db = postgres(cluster.url("marquee"), { max: 1, onnotice: () => {} });
    const [row] = await db<{ name: string }[]>`select name from users where id = ${member.id}`;
    await db.end();
    expect(row?.name).toBe("Lena from B");
    await page.close();
  });

  it("answers health checks, never cached", async () => {
    const live = await fetch(`${a.baseUrl}/api/health/live`);
    expect(live.status).toBe(200);
    expect(live.headers.get("cache-control")).toBe("no-store");
    const ready = await fetch(`${b.baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ database: "ok" });
  });
});

describe("while PostgreSQL is down, and after it is back", () => {
  it("answers 503, not 500, to the pages it was rendering when the database stopped", async () => {
    const db = postgres(cluster.url("marquee"), { max: 2, onnotice: () => {} });
    const slugs = [...Array(20)].map((_, i) => `cut-off-${randomBytes(3).toString("hex")}-${i}`);
    await db`insert into films ${db(slugs.map((slug, i) => ({ slug, title: `Cut Off ${i}`, year: 2001 })))}`;
    // Every read of films waits behind this lock, so each render is in flight when the server stops.
    const lock = await lockFilms(db);
    const pages = slugs.map((slug, i) => memberGet(i % 2 === 0 ? a : b, `/films/${slug}`));
    const waiting = async () =>
      Number(
        (
          await admin`select count(*)::int as n from pg_stat_activity where datname = 'marquee' and wait_event_type = 'Lock'`
        )[0]!.n,
      );
    await expect.poll(waiting, { timeout: 4_000, interval: 50 }).toBeGreaterThanOrEqual(4);

    cluster.stop();
    await lock.release();
    const answers = await Promise.all(pages);
    await db.end({ timeout: 1 }).catch(() => {});
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.filter((status) => status !== 503 && status !== 200),
      statuses.join(" "),
    ).toEqual([]);
    const cutOff = answers.filter((answer) => answer.status === 503);
    expect(cutOff.length).toBeGreaterThanOrEqual(4);
    for (const answer of cutOff) {
      expect(answer.body).toContain(AWAY);
      expect(answer.ms).toBeLessThan(NO_HANG_MS);
    }

    cluster.start();
    for (const instance of [a, b]) {
      await expect
        .poll(async () => (await fetch(`${instance.baseUrl}/api/health/ready`)).status, { timeout: NO_HANG_MS })
        .toBe(200);
    }
    // The first requests after the return all work: none meets an error the stop left on a connection.
    const after = await Promise.all([...Array(10)].flatMap(() => [memberGet(a, "/account"), memberGet(b, "/account")]));
    expect(after.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(Math.max(...after.map((answer) => answer.ms))).toBeLessThan(NO_HANG_MS);
    for (const output of [a.output(), b.output()]) expect(output).not.toMatch(/uncaughtException|unhandledRejection/);
  }, 90_000);

  it("keeps what was typed, answers 503 quickly, and recovers every connection within 5 s", async () => {
    const page = await context.newPage();
    await page.goto(`${a.baseUrl}/account`);
    const name = page.getByLabel("Display name");
    await name.fill("Typed while the database was away");
    // Every pool connection in use once, so the restart has something to break.
    await Promise.all([...Array(10)].flatMap(() => [memberGet(a, "/account"), memberGet(b, "/account")]));

    cluster.stop();

    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByRole("status").allTextContents()).toContain(NOTHING_SAVED);
    await expect(name.inputValue()).resolves.toBe("Typed while the database was away");

    for (const instance of [a, b]) {
      await expect.poll(async () => (await memberGet(instance, "/account")).status, { timeout: NO_HANG_MS }).toBe(503);
      const down = await Promise.all([...Array(5)].map(() => memberGet(instance, "/account")));
      for (const answer of down) {
        expect(answer.status).toBe(503);
        expect(answer.body).toContain(AWAY);
        expect(answer.ms).toBeLessThan(NO_HANG_MS);
      }
      const viewer = await memberGet(instance, "/api/viewer?path=/");
      expect(viewer.status).toBe(503);
      expect((await fetch(`${instance.baseUrl}/api/health/ready`)).status).toBe(503);
      expect((await fetch(`${instance.baseUrl}/api/health/live`)).status).toBe(200);
    }

    cluster.start();
    const back = Date.now();
    let allFine = false;
    const rounds: string[] = [];
    while (!allFine && Date.now() - back < 5_000) {
      const answers = await Promise.all(
        [...Array(10)].flatMap(() => [memberGet(a, "/account"), memberGet(b, "/account")]),
      );
      allFine = answers.every((answer) => answer.status === 200 && answer.body.includes(member.handle));
      rounds.push(`${Date.now() - back} ms: ${answers.map((answer) => `${answer.status}/${answer.ms}ms`).join(" ")}`);
      if (!allFine) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(
      allFine,
      `20 parallel requests all answered 200 within 5 s of the database's return:\n${rounds.join("\n")}`,
    ).toBe(true);
    // Again a little later: no connection of either pool was left broken.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const later = await Promise.all([...Array(10)].flatMap(() => [memberGet(a, "/account"), memberGet(b, "/account")]));
    expect(later.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(Math.max(...later.map((answer) => answer.ms))).toBeLessThan(NO_HANG_MS);

    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByRole("status").allTextContents()).toContain("Your profile is saved.");

    for (const output of [a.output(), b.output()]) {
      expect(output).not.toMatch(/uncaughtException|unhandledRejection|Cannot read properties of null|CONNECT_TIMEOUT/);
    }
    await page.close();
  }, 90_000);
});

describe("SIGTERM", () => {
  it("finishes the requests in flight, closes its pool and exits 0, while the other instance serves on", async () => {
    const inFlight = [...Array(30)].map((_, i) => memberGet(a, `/films?page=${(i % 5) + 1}`));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
      const started = Date.now();
      a.child.once("exit", (code) => resolve({ code, ms: Date.now() - started }));
    });
    a.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // While it drains, it tells the load balancer to stop sending, and still answers.
    const readyWhileDraining = await fetch(`${a.baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(5_000) });
    expect(readyWhileDraining.status).toBe(503);
    expect(await readyWhileDraining.json()).toMatchObject({ server: "draining" });
    const settled = await Promise.allSettled(inFlight);
    const failed = settled.filter((outcome) => outcome.status === "rejected");
    if (failed.length > 0) console.log(`${failed.length} failed; A's log:\n${a.output().slice(-3000)}`);
    const answers = settled.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
    for (const answer of answers) expect(answer.body).toContain("</html>");
    const { code, ms } = await exited;
    expect(code).toBe(0);
    // The grace (2 s by default) and the drain of the requests in flight, well within 2 s + 10 s.
    expect(ms).toBeLessThan(12_000);
    await expect(fetch(`${a.baseUrl}/api/health/live`)).rejects.toThrow();
    // The close hooks (the pool) ran within their time, and the drain did not run out.
    expect(a.output()).not.toMatch(/shutdown_hook_failed|shutdown_deadline/);
    expect((await memberGet(b, "/account")).status).toBe(200);
  }, 60_000);
});
