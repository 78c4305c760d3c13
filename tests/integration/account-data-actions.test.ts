import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ratings, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { deleteAccountAction } from "@/app/account/delete/actions";
import { confirmLetterboxdAction, uploadLetterboxdAction } from "@/app/account/import/actions";
import { addFilm, addMember, form } from "../support/community";
import { useTestDatabase } from "../support/database";
import { fileOf, sampleExport, sampleZip } from "../support/letterboxd";
import { Redirected, session } from "../support/session";

const signOuts = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/config", () => ({
  signOut: async () => {
    signOuts.count++;
  },
}));

const auth = {
  get user(): CurrentUser | null {
    return session.user;
  },
  set user(user: CurrentUser | null) {
    session.user = user;
  },
  get signedOut(): number {
    return signOuts.count;
  },
};

const t = useTestDatabase();

beforeAll(async () => {
  await addFilm(t.db, "Her", 2013);
});

async function redirectOf(run: Promise<unknown>): Promise<string> {
  try {
    const state = await run;
    throw new Error(`expected a redirect, got ${JSON.stringify(state)}`);
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
}

describe("the import's actions", () => {
  it("reads an uploaded ZIP into a preview page, then saves it on confirmation", async () => {
    auth.user = await addMember(t.db);
    const upload = new FormData();
    upload.append("files", fileOf("letterboxd.zip", sampleZip(), "application/zip"));
    const previewUrl = await redirectOf(uploadLetterboxdAction(null, upload));
    expect(previewUrl).toMatch(/^\/account\/import\/[0-9a-f-]{36}$/);
    const importId = previewUrl.split("/").pop()!;
    expect(await redirectOf(confirmLetterboxdAction(null, form({ importId, reviewStatus: "published" })))).toBe(
      previewUrl,
    );
    const [mine] = await t.db.select({ n: count() }).from(ratings).where(eq(ratings.userId, auth.user.id));
    expect(mine!.n).toBe(1);
  });

  it("answers a file with the wrong columns, or no file at all, next to the file field", async () => {
    auth.user = await addMember(t.db);
    const wrong = new FormData();
    wrong.append("files", fileOf("diary.csv", "Date,Name\n2024-01-01,Her\n"));
    const state = await uploadLetterboxdAction(null, wrong);
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { files: [expect.stringMatching(/^diary\.csv does not have Letterboxd's columns/)] },
    });
    const empty = new FormData();
    empty.append("files", new File([], ""));
    expect(await uploadLetterboxdAction(null, empty)).toMatchObject({
      ok: false,
      fieldErrors: { files: ["Choose your Letterboxd export (the ZIP) or its CSV files."] },
    });
  });

  it("refuses a suspended member and a visitor", async () => {
    const upload = new FormData();
    upload.append("files", fileOf("watchlist.csv", sampleExport()["watchlist.csv"]!));
    auth.user = await addMember(t.db, { suspended: true });
    expect(await uploadLetterboxdAction(null, upload)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/suspended/),
    });
    auth.user = null;
    expect(await uploadLetterboxdAction(null, upload)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Sign in again/),
    });
  });
});

describe("the deletion action", () => {
  it("shows a wrong handle next to its field, and deletes and signs out with the right one", async () => {
    const me = await addMember(t.db);
    auth.user = me;
    expect(
      await deleteAccountAction(null, form({ confirmHandle: "nope", reviews: "keep", comments: "keep" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { confirmHandle: [`That is not your handle. Type ${me.handle} to confirm.`] },
      values: { confirmHandle: "nope" },
    });
    const before = auth.signedOut;
    expect(
      await redirectOf(
        deleteAccountAction(null, form({ confirmHandle: me.handle, reviews: "keep", comments: "keep" })),
      ),
    ).toBe("/account/deleted");
    expect(auth.signedOut).toBe(before + 1);
    expect((await t.db.select({ n: count() }).from(users).where(eq(users.id, me.id)))[0]!.n).toBe(0);
  });
});
