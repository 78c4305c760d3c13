// No "server-only" here: start-up (instrumentation.ts) starts the sender.
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { getPrimaryDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { logger } from "@/lib/log";

/**
 * Sends the e-mail waiting in mail_outbox. Every instance may run a sender:
 * each claims due rows with FOR UPDATE SKIP LOCKED and a lease
 * (locked_until), so no two send the same row, and a sender that dies
 * mid-send leaves rows another picks up once the lease ends. A failed send
 * is tried again later, each wait twice the one before, until `maxAttempts`;
 * then the row is marked failed with the last error. The queue is in
 * PostgreSQL, so a restart loses nothing.
 */
export interface MailSenderOptions {
  smtpUrl: string;
  from: string;
  /** How long a claimed row is this sender's before another may take it. */
  leaseMs?: number;
  /** The wait after the first failure; each later one doubles, up to an hour. */
  backoffMs?: number;
  maxAttempts?: number;
  /** How often the queue is looked at. */
  pollMs?: number;
  /** Rows claimed at a time. */
  batch?: number;
}

export interface MailSender {
  /** Claims the due rows and sends them; answers how many were sent. */
  runOnce(): Promise<number>;
  /** Looks at the queue every `pollMs` until stop(). */
  start(): void;
  /** Stops looking, waits for the sends in flight, closes the SMTP connection. */
  stop(): Promise<void>;
}

const HOUR_MS = 3_600_000;

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
export function retryDelayMs(attempts: number, backoffMs: number): number {
  return Math.min(HOUR_MS, backoffMs * 2 ** Math.max(0, attempts - 1));
}

function headersOf(stored: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== "object") return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}

export function createMailSender(options: MailSenderOptions): MailSender {
  const leaseMs = options.leaseMs ?? 60_000;
  const backoffMs = options.backoffMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 6;
  const pollMs = options.pollMs ?? 5_000;
  const batch = options.batch ?? 20;
  const transport = nodemailer.createTransport(options.smtpUrl);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function claim() {
    const db = await getPrimaryDb();
    const due = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          isNull(mailOutbox.sentAt),
          isNull(mailOutbox.failedAt),
          lte(mailOutbox.nextAttemptAt, sql`now()`),
          or(isNull(mailOutbox.lockedUntil), lte(mailOutbox.lockedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
      .limit(batch)
      .for("update", { skipLocked: true });
    const rows = await db
      .update(mailOutbox)
      .set({
        lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        attempts: sql`${mailOutbox.attempts} + 1`,
      })
      .where(inArray(mailOutbox.id, due))
      .returning({
        id: mailOutbox.id,
        to: mailOutbox.toAddress,
        subject: mailOutbox.subject,
        text: mailOutbox.textBody,
        headers: mailOutbox.headers,
        attempts: mailOutbox.attempts,
      });
    // UPDATE … RETURNING keeps no order: send the oldest first, as they were queued.
    return { db, rows: rows.sort((a, b) => a.id - b.id) };
  }

  async function sendDue(): Promise<number> {
    const { db, rows } = await claim();
    let sent = 0;
    for (const row of rows) {
      try {
        await transport.sendMail({
          from: options.from,
          to: row.to,
          subject: row.subject,
          text: row.text,
          headers: headersOf(row.headers),
        });
        await db
          .update(mailOutbox)
          .set({ sentAt: sql`now()`, lockedUntil: null, lastError: null })
          .where(eq(mailOutbox.id, row.id));
        sent++;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const givingUp = row.attempts >= maxAttempts;
        await db
          .update(mailOutbox)
          .set(
            givingUp
              ? { failedAt: sql`now()`, lockedUntil: null, lastError: message }
              : {
                  nextAttemptAt: sql`now() + ${retryDelayMs(row.attempts, backoffMs)} * interval '1 millisecond'`,
                  lockedUntil: null,
                  lastError: message,
                },
          )
          .where(eq(mailOutbox.id, row.id));
        logger.warn(
          { event: givingUp ? "mail.failed" : "mail.retry", outboxId: row.id, attempts: row.attempts },
          message,
        );
      }
    }
    return sent;
  }

  function runOnce(): Promise<number> {
    // One run at a time: a poll that comes while a run is still sending waits for it.
    running = (running ?? Promise.resolve(0)).then(sendDue, sendDue);
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) =>
          logger.error({ event: "mail.run_failed", err: error }, "The mail sender run failed."),
        )
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => 0);
      transport.close();
    },
  };
}

/** Starts the sender for this server (lib/startup.ts, when SMTP_URL is set). */
export function startMailSender(options: MailSenderOptions): MailSender {
  const sender = createMailSender(options);
  sender.start();
  logger.info({ event: "mail.started" }, "Reply e-mail is on: the outbox sender is running.");
  return sender;
}
