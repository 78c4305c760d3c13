import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { memberOfSession } from "@/lib/auth/session-member";
import { createMember } from "../support/actors";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

async function sessionFor(userId: string, expiresInMs: number): Promise<string> {
  const sessionToken = randomUUID();
  await t.db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + expiresInMs) });
  return sessionToken;
}

describe("the member behind a session cookie", () => {
  it("is the session's member, with their role and suspension as they are now", async () => {
    const moderator = await createMember(t.db, { role: "moderator", suspended: true });
    const token = await sessionFor(moderator.id, 3_600_000);
    expect(await memberOfSession(token)).toMatchObject({
      id: moderator.id,
      handle: moderator.handle,
      role: "moderator",
      suspendedAt: expect.any(Date),
    });
  });

  it("is nobody for an expired session, an unknown token or one far too long to be ours", async () => {
    const member = await createMember(t.db);
    expect(await memberOfSession(await sessionFor(member.id, -1000))).toBeNull();
    expect(await memberOfSession(randomUUID())).toBeNull();
    expect(await memberOfSession("")).toBeNull();
    expect(await memberOfSession("x".repeat(10_000))).toBeNull();
  });
});
