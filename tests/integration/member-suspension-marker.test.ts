import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth";
import { suspendMember } from "@/lib/moderation/members";
import { buildViewerPayload } from "@/lib/viewer/payload";
import { loadMember, MemberArticle } from "@/app/members/[handle]/_components/member-article";
import { addMember } from "../support/community";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let suspended: CurrentUser;
let reader: CurrentUser;
let moderator: CurrentUser;
const lastDay = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  suspended = await addMember(t.db);
  reader = await addMember(t.db);
  moderator = await addMember(t.db, { role: "moderator" });
  const result = await suspendMember(moderator, { handle: suspended.handle, reason: "Insults", until: lastDay });
  expect(result.ok).toBe(true);
});

describe("a suspended member's page", () => {
  it("is the same shared HTML for every reader, and it never says suspended", async () => {
    const member = await loadMember(suspended.handle);
    expect(member).not.toBeNull();
    expect(member).not.toHaveProperty("suspended");
    const html = renderToStaticMarkup(await MemberArticle({ member: member!, page: 1 }));
    expect(html).toContain(`@${suspended.handle}`);
    expect(html).not.toMatch(/suspend/i);
  });

  it("tells neither a visitor nor a member, through their viewer payload", async () => {
    const path = `/members/${suspended.handle}`;
    expect(await buildViewerPayload(null, path)).toEqual({ member: null });
    const forMember = await buildViewerPayload(reader, path);
    expect(forMember).toEqual({ member: reader, follow: { handle: suspended.handle, following: false }, unread: 0 });
    expect(forMember.profile).toBeUndefined();
    // A suspended moderator may not open /moderation, and is not told here either.
    expect(
      (await buildViewerPayload({ ...suspended, role: "moderator", suspended: true }, path)).profile,
    ).toBeUndefined();
  });

  it("tells a moderator why and until when, on the page and on its later pages", async () => {
    const payload = await buildViewerPayload(moderator, `/members/${suspended.handle}`);
    expect(payload.profile).toEqual({
      handle: suspended.handle,
      suspension: { reason: "Insults", until: new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString() },
    });
    const later = await buildViewerPayload(moderator, `/members/${suspended.handle}/reviews/2`);
    expect(later.profile?.suspension?.reason).toBe("Insults");
    const other = await buildViewerPayload(moderator, `/members/${reader.handle}`);
    expect(other.profile).toEqual({ handle: reader.handle, suspension: null });
  });
});
