import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as oneClickUnsubscribe } from "@/app/api/unsubscribe/route";
import { films, mailOutbox, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { postComment } from "@/lib/comments/write";
import { reloadEnv } from "@/lib/env";
import { createMailSender, type MailSender } from "@/lib/notifications/mail";
import { getNotificationSettings, listNotifications } from "@/lib/notifications/queries";
import { unsubscribeFromReplies } from "@/lib/notifications/write";
import { addMember } from "../support/community";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

/** A mail server on a free port that keeps every message it accepts, and refuses the next `refuse` ones. */
const inbox = { messages: [] as string[], refuse: 0 };
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    let raw = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (raw += chunk));
    stream.on("end", () => {
      if (inbox.refuse > 0) {
        inbox.refuse--;
        return callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
      }
      inbox.messages.push(raw);
      callback();
    });
  },
});
let smtpUrl = "";
/** The key unsubscribe tokens derive from, made anew for each run. */
const authSecret = randomBytes(32).toString("base64url");
const senders: MailSender[] = [];

function sender(options: { maxAttempts?: number; backoffMs?: number } = {}): MailSender {
  const made = createMailSender({ smtpUrl, from: "Marquee <notices@marquee.test>", backoffMs: 40, ...options });
  senders.push(made);
  return made;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  if (!address || typeof address === "string") throw new Error("The SMTP server has no port");
  smtpUrl = `smtp://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const made of senders) await made.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  delete process.env.SMTP_URL;
  reloadEnv();
});

beforeEach(() => {
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
  process.env.SMTP_URL = smtpUrl;
  process.env.AUTH_SECRET = authSecret;
  process.env.MARQUEE_SITE_URL = "https://marquee.test";
  reloadEnv();
  inbox.messages = [];
  inbox.refuse = 0;
});

let sequence = 0;
async function withEmail(member: CurrentUser): Promise<CurrentUser> {
  await t.db
    .update(users)
    .set({ email: `member${++sequence}@mail.test` })
    .where(eq(users.id, member.id));
  return member;
}

/** A review by someone, `author`'s comment on it, and `replier`'s answer; the reply's id. */
async function replyTo(author: CurrentUser, replier: CurrentUser, text = "I see it differently."): Promise<number> {
  const owner = await addMember(t.db);
  const [film] = await t.db
    .insert(films)
    .values({ slug: `mail-${Math.random().toString(36).slice(2)}`, title: "Letters" })
    .returning({ id: films.id });
  const [review] = await t.db
    .insert(reviews)
    .values({
      filmId: film!.id,
      authorId: owner.id,
      body: "b",
      verdict: "v",
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: reviews.id });
  const comment = await postComment(author, { reviewId: review!.id, body: "The letters are the film." });
  if (!comment.ok) throw new Error(comment.message);
  const reply = await postComment(replier, { reviewId: review!.id, parentId: comment.value.commentId, body: text });
  if (!reply.ok) throw new Error(reply.message);
  return reply.value.commentId;
}

async function queued(): Promise<{ id: number; attempts: number; sentAt: Date | null; failedAt: Date | null }[]> {
  return t.db
    .select({
      id: mailOutbox.id,
      attempts: mailOutbox.attempts,
      sentAt: mailOutbox.sentAt,
      failedAt: mailOutbox.failedAt,
    })
    .from(mailOutbox)
    .orderBy(mailOutbox.id);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The headers of a raw message, unfolded, keyed in lower case. */
function headersOf(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return Object.fromEntries(
    head.split(/\r?\n/).map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
}

describe("reply e-mail", () => {
  it("sends exactly one e-mail for a reply, with a one-click unsubscribe in the headers and a link in the body", async () => {
    const ada = await withEmail(await addMember(t.db));
    const ben = await withEmail(await addMember(t.db));
    await replyTo(ada, ben, "The last letter is the only one he signs.");
    const mail = sender();
    expect(await mail.runOnce()).toBe(1);
    expect(await mail.runOnce()).toBe(0);
    expect(inbox.messages).toHaveLength(1);
    const headers = headersOf(inbox.messages[0]!);
    expect(headers.to).toContain("@mail.test");
    expect(headers.subject).toContain("replied to your comment");
    expect(headers["list-unsubscribe"]).toMatch(/^<https:\/\/marquee\.test\/api\/unsubscribe\?token=[^>]+>$/);
    expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const body = inbox.messages[0]!.replace(/=\r?\n/g, "");
    expect(body).toContain("https://marquee.test/unsubscribe?token=");
    expect(body).toContain("The last letter is the only one he signs.");
    const [row] = await queued();
    expect(row?.sentAt).not.toBeNull();
    // Ben's own comment was a top-level one on someone else's review: nobody e-mails about that kind by default.
    expect((await queued()).length).toBe(1);
  });

  it("queues nothing for a member without an address, or when mail is not set up", async () => {
    const before = (await queued()).length;
    await replyTo(await addMember(t.db), await addMember(t.db));
    delete process.env.SMTP_URL;
    reloadEnv();
    await replyTo(await withEmail(await addMember(t.db)), await addMember(t.db));
    expect((await queued()).length).toBe(before);
  });

  it("tries again later when the mail server refuses, then sends; gives up after the last attempt", async () => {
    await replyTo(await withEmail(await addMember(t.db)), await addMember(t.db));
    const mail = sender({ backoffMs: 1_500 });
    inbox.refuse = 1;
    expect(await mail.runOnce()).toBe(0);
    const [failed] = await t.db
      .select({ attempts: mailOutbox.attempts, lastError: mailOutbox.lastError, next: mailOutbox.nextAttemptAt })
      .from(mailOutbox)
      .where(eq(mailOutbox.id, (await queued()).at(-1)!.id));
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toContain("try again later");
    // Not before its time: the retry waits out the backoff.
    expect(await mail.runOnce()).toBe(0);
    await pause(1_600);
    expect(await mail.runOnce()).toBe(1);
    expect(inbox.messages).toHaveLength(1);

    await replyTo(await withEmail(await addMember(t.db)), await addMember(t.db));
    const stubborn = sender({ maxAttempts: 2 });
    inbox.refuse = 10;
    expect(await stubborn.runOnce()).toBe(0);
    await pause(120);
    expect(await stubborn.runOnce()).toBe(0);
    const last = (await queued()).at(-1)!;
    expect(last).toMatchObject({ attempts: 2, sentAt: null });
    expect(last.failedAt).not.toBeNull();
    await pause(200);
    inbox.refuse = 0;
    expect(await stubborn.runOnce()).toBe(0);
    expect(inbox.messages).toHaveLength(1);
  });

  it("sends what a stopped sender left queued once a new one starts, including a row whose lease ran out", async () => {
    const first = sender();
    await first.stop();
    await replyTo(await withEmail(await addMember(t.db)), await addMember(t.db));
    await replyTo(await withEmail(await addMember(t.db)), await addMember(t.db));
    // The second row was claimed by a sender that died mid-send: its lease has run out since.
    const rows = await queued();
    await t.db
      .update(mailOutbox)
      .set({ attempts: 1, lockedUntil: new Date(Date.now() - 1_000) })
      .where(eq(mailOutbox.id, rows.at(-1)!.id));
    const restarted = sender();
    expect(await restarted.runOnce()).toBe(2);
    expect(inbox.messages).toHaveLength(2);
  });

  it("leaves a row another sender holds a lease on alone", async () => {
    await replyTo(await withEmail(await addMember(t.db)), await addMember(t.db));
    const row = (await queued()).at(-1)!;
    await t.db
      .update(mailOutbox)
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(mailOutbox.id, row.id));
    expect(await sender().runOnce()).toBe(0);
    await t.db.update(mailOutbox).set({ lockedUntil: null }).where(eq(mailOutbox.id, row.id));
  });
});

describe("unsubscribing", () => {
  async function tokenFor(member: CurrentUser): Promise<string> {
    await replyTo(member, await addMember(t.db));
    const mail = sender();
    await mail.runOnce();
    const header = headersOf(inbox.messages.at(-1)!)["list-unsubscribe"]!;
    return decodeURIComponent(/token=([^>]+)>/.exec(header)![1]!);
  }

  it("turns reply e-mail off with the one-click POST, keeps the in-app notice, and queues no more mail", async () => {
    const ada = await withEmail(await addMember(t.db));
    const token = await tokenFor(ada);
    const response = await oneClickUnsubscribe(
      new NextRequest(`https://marquee.test/api/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(response.status).toBe(200);
    expect((await getNotificationSettings(ada.id)).reply).toEqual({ inApp: true, email: false });
    const before = (await queued()).length;
    await replyTo(ada, await addMember(t.db));
    expect((await queued()).length).toBe(before);
    expect((await listNotifications(ada.id, 1)).items.filter((n) => n.kind === "reply")).toHaveLength(2);
    // Again: harmless.
    expect((await unsubscribeFromReplies({ token })).ok).toBe(true);
  });

  it("refuses a tampered or truncated token and changes nothing", async () => {
    const ada = await withEmail(await addMember(t.db));
    const other = await withEmail(await addMember(t.db));
    const token = await tokenFor(ada);
    const [id, signature] = token.split(".");
    const forged = `${Buffer.from(other.id).toString("base64url")}.${signature}`;
    const flipped = `${id}.${signature!.slice(0, -1)}${signature!.endsWith("A") ? "B" : "A"}`;
    // Another spelling of the same signature bytes (the last character's spare bits set) is not a token we wrote.
    const last = signature!.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const respelled = `${id}.${signature!.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
    for (const bad of [forged, flipped, respelled, token.slice(0, -3), "", "x".repeat(600)]) {
      const result = await unsubscribeFromReplies({ token: bad });
      expect(result.ok, bad).toBe(false);
    }
    const response = await oneClickUnsubscribe(
      new NextRequest(`https://marquee.test/api/unsubscribe?token=${encodeURIComponent(forged)}`, { method: "POST" }),
    );
    expect(response.status).toBe(400);
    expect((await getNotificationSettings(ada.id)).reply.email).toBe(true);
    expect((await getNotificationSettings(other.id)).reply.email).toBe(true);
  });
});
