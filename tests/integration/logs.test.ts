import { AdapterError, AccessDenied } from "@auth/core/errors";
import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { authLogger } from "@/lib/auth/log";
import { consumeIpAllowance } from "@/lib/rate-limit/ip";
import { consumeWriteAllowance, WRITES_PER_MINUTE } from "@/lib/rate-limit";
import { logger, withRequestContext } from "@/lib/log";
import { UNSAFE_TEXT_MESSAGE } from "@/lib/text";
import { updateProfileAction } from "@/app/account/actions";
import { removeCommentAction } from "@/app/(moderation)/moderation/actions";
import { changeMemberRole } from "@/lib/moderation/members";
import { useTestDatabase } from "../support/database";
import { captureLogs } from "../support/logs";
import { signInAs } from "../support/session";
import { formOf } from "../support/actors";

// Auth.js itself is stood in for (the account actions import its sign-out); its logger is ours, and real.
vi.mock("@/lib/auth/config", () => ({ signIn: async () => "", signOut: async () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

// What proxy.ts passed on to the action: the request's id, and the connection's address.
const requestHeaders = { current: new Headers() };
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

const t = useTestDatabase();
const logs = captureLogs();

/** A display name that, written raw, would end the line and forge one of Auth.js's own. */
const FORGED_NAME = "Maya\r\n[auth][error] CallbackRouteError: forged by a display name";

let sequence = 0;
async function member(role: "member" | "moderator" | "admin" = "member") {
  const handle = `logs-${++sequence}`;
  const [row] = await t.db
    .insert(users)
    .values({ handle, name: `Member ${handle}`, email: `${handle}@example.com`, role })
    .returning({ id: users.id });
  return { id: row!.id, handle, name: `Member ${handle}`, image: null, role, suspended: false };
}

/** Every raw line is one JSON object; none starts with text a reader could take for another line. */
function expectOnlyJsonLines(text: string) {
  const lines = text.split("\n").filter((line) => line !== "");
  for (const line of lines) {
    expect(line.startsWith("{") && line.endsWith("}")).toBe(true);
    expect(() => JSON.parse(line) as unknown).not.toThrow();
  }
  expect(text).not.toMatch(/\r/);
  expect(text).not.toMatch(/^\[auth\]/m);
}

describe("the server log", () => {
  it("writes a failed sign-in caused by a forged display name as one JSON line, without the query's parameters", async () => {
    const taken = await member();
    // The insert Auth.js's adapter makes for a newcomer, failing as it can (an email that is taken).
    const failure = await t.db
      .insert(users)
      .values({ handle: "newcomer", name: FORGED_NAME, email: `${taken.handle}@example.com` })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);

    // As Auth.js wraps a failing adapter call (`new AdapterError(e)`; its types name only a string message).
    authLogger.error!(Reflect.construct(AdapterError, [failure]) as AdapterError);

    const text = logs.text();
    expect(text.split("\n").filter(Boolean)).toHaveLength(1);
    expectOnlyJsonLines(text);
    expect(text).not.toContain("forged by a display name");
    expect(text).not.toContain(`${taken.handle}@example.com`);
    const [line] = logs.lines();
    expect(line).toMatchObject({ level: "error", event: "auth.error", err: { type: "AdapterError" } });
    const cause = (line!.err as { cause: { message: string; cause?: { code?: string } } }).cause;
    expect(cause.message).toBe("Failed query");
    expect(cause.cause?.code).toBe("23505");
  });

  it("keeps a forged name in a field as one escaped JSON line", () => {
    logger.info({ event: "test.name", name: FORGED_NAME }, "a name");
    const text = logs.text();
    expect(text.split("\n").filter(Boolean)).toHaveLength(1);
    expectOnlyJsonLines(text);
    expect(logs.lines()[0]!.name).toBe(FORGED_NAME);
  });

  it("logs a refused sign-in as the sign-in failure event, with the request's id and address", () => {
    withRequestContext({ requestId: "req-forged-0001", ip: "203.0.113.9" }, () => {
      authLogger.error!(new AccessDenied("AccessDenied"));
    });
    expect(logs.events("auth.sign_in")).toEqual([
      expect.objectContaining({
        level: "warn",
        security: true,
        outcome: "failure",
        reason: "AccessDenied",
        actor: null,
        requestId: "req-forged-0001",
        ip: "203.0.113.9",
      }),
    ]);
  });

  it("logs a refused action with who asked and what it needed", async () => {
    const someone = await member();
    signInAs(someone);
    requestHeaders.current = new Headers({ "x-request-id": "req-action-0001", "x-forwarded-for": "192.0.2.44" });
    const answer = await removeCommentAction(null, formOf({ commentId: "1", reason: "Spam" }));
    expect(answer).toMatchObject({ ok: false });
    expect(logs.events("authorization.refused")).toEqual([
      expect.objectContaining({
        actor: someone.id,
        outcome: "refused",
        requires: "moderator",
        code: "forbidden",
        requestId: "req-action-0001",
        ip: "192.0.2.44",
      }),
    ]);
  });

  it("logs every role change with the admin, the member and both roles", async () => {
    const admin = await member("admin");
    const promoted = await member();
    expect((await changeMemberRole(admin, { handle: promoted.handle, role: "moderator" })).ok).toBe(true);
    expect(logs.events("member.role_change")).toEqual([
      expect.objectContaining({
        actor: admin.id,
        outcome: "success",
        targetId: promoted.id,
        from: "member",
        to: "moderator",
        moderationLogId: expect.any(Number) as number,
      }),
    ]);
  });

  it("logs each rate-limit hit, a member's and an address's", async () => {
    const busy = await member();
    for (let i = 0; i < WRITES_PER_MINUTE; i++)
      expect((await consumeWriteAllowance(t.db, busy.id, "like")).ok).toBe(true);
    expect((await consumeWriteAllowance(t.db, busy.id, "like")).ok).toBe(false);
    for (let i = 0; i < 20; i++) await consumeIpAllowance(t.db, "sign-in", "198.51.100.4");
    expect(await consumeIpAllowance(t.db, "sign-in", "198.51.100.4")).not.toBeNull();
    expect(logs.events("rate_limit.hit")).toEqual([
      expect.objectContaining({ actor: busy.id, outcome: "refused", limit: "write-like" }),
      expect.objectContaining({ actor: null, outcome: "refused", limit: "ip-sign-in", ip: "198.51.100.4" }),
    ]);
  });

  it("never writes a secret, token or cookie, wherever it sits", () => {
    logger.info(
      {
        event: "test.secrets",
        headers: { cookie: "authjs.session-token=abc", authorization: "Bearer xyz" },
        account: { access_token: "at-123", refresh_token: "rt-456" },
        sessionToken: "st-789",
      },
      "secrets",
    );
    const text = logs.text();
    for (const secret of ["abc", "xyz", "at-123", "rt-456", "st-789"]) expect(text).not.toContain(secret);
  });

  it("refuses a forged display name next to the field; the change saved next is one line", async () => {
    const me = await member();
    signInAs(me);
    const refused = await updateProfileAction(null, formOf({ name: FORGED_NAME, handle: me.handle }));
    expect(refused).toMatchObject({ ok: false, values: { name: FORGED_NAME } });
    expect(refused.ok ? [] : refused.fieldErrors.name).toContain(UNSAFE_TEXT_MESSAGE);
    expect(logs.text()).toBe("");

    const saved = await updateProfileAction(null, formOf({ name: "Maya", handle: `${me.handle}-new` }));
    expect(saved).toMatchObject({ ok: true });
    expectOnlyJsonLines(logs.text());
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        event: "profile.change",
        actor: me.id,
        outcome: "success",
        handleFrom: me.handle,
        handleTo: `${me.handle}-new`,
      }),
    ]);
  });
});
