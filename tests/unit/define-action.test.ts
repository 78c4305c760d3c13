import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/forms/define-action";
import { fail, ok } from "@/lib/result";
import { NOTHING_SAVED } from "@/lib/unavailable";
import { invalidatedTags, Redirected, signInAs } from "../support/session";

const member = { id: "m1", handle: "maya", name: "Maya", image: null, role: "member" as const, suspended: false };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  data.set("$ACTION_ID_abc", "");
  return data;
};

function makeAction(calls: unknown[]) {
  return defineAction({
    requires: "poster",
    schema: z.object({ title: z.string().trim().min(1, "Give it a title.") }),
    run: async (actor, input) => {
      calls.push({ actor: actor.handle, input });
      if (input.title === "taken") return fail("conflict", "That title is taken.", { title: ["That title is taken."] });
      return ok({ title: input.title, changed: ["film:1", "film:1", "catalogue"] });
    },
    message: (value) => `Saved “${value.title}”.`,
    data: (value) => ({ title: value.title }),
    redirectTo: (value) => (value.title === "go" ? "/films/go" : null),
  });
}

describe("the action wrapper", () => {
  it("refuses before parsing or calling anything, and hands back what was sent", async () => {
    const calls: unknown[] = [];
    const state = await makeAction(calls)(null, form({ title: "" }));
    expect(state).toEqual({
      ok: false,
      message: "Sign in to rate films, write reviews and like them.",
      fieldErrors: {},
      values: { title: "" },
    });
    signInAs({ ...member, suspended: true });
    expect(await makeAction(calls)(null, form({ title: "x" }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/suspended/),
    });
    expect(calls).toEqual([]);
  });

  it("puts each field's message next to it and keeps the values", async () => {
    signInAs(member);
    const calls: unknown[] = [];
    expect(await makeAction(calls)(null, form({ title: "  " }))).toEqual({
      ok: false,
      message: "Give it a title.",
      fieldErrors: { title: ["Give it a title."] },
      values: { title: "  " },
    });
    expect(calls).toEqual([]);
  });

  it("calls the domain with the parsed input and the actor, and passes its refusal on", async () => {
    signInAs(member);
    const calls: unknown[] = [];
    expect(await makeAction(calls)(null, form({ title: "taken" }))).toEqual({
      ok: false,
      message: "That title is taken.",
      fieldErrors: { title: ["That title is taken."] },
      values: { title: "taken" },
    });
    expect(calls).toEqual([{ actor: "maya", input: { title: "taken" } }]);
    expect(invalidatedTags).toEqual([]);
  });

  it("invalidates each changed tag once and answers with the message and data", async () => {
    signInAs(member);
    expect(await makeAction([])(null, form({ title: " Her " }))).toEqual({
      ok: true,
      message: "Saved “Her”.",
      data: { title: "Her" },
    });
    expect(invalidatedTags).toEqual(["film:1", "catalogue"]);
  });

  it("redirects after the tags are invalidated, and answers nothing to a plain form post", async () => {
    signInAs(member);
    await expect(makeAction([])(null, form({ title: "go" }))).rejects.toEqual(new Redirected("/films/go"));
    expect(invalidatedTags).toEqual(["film:1", "catalogue"]);
    expect(await makeAction([])(form({ title: "plain" }))).toBeUndefined();
  });

  it("refuses a NUL character next to its field instead of failing the save", async () => {
    signInAs(member);
    const calls: unknown[] = [];
    const state = await makeAction(calls)(null, form({ title: "Her\u0000" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { title: [expect.stringMatching(/NUL character/)] } });
    expect(calls).toEqual([]);
  });
});

describe("the action wrapper when the database is away", () => {
  function failingAction(error: unknown) {
    return defineAction({
      requires: "poster",
      schema: z.object({ body: z.string() }),
      run: async () => {
        throw error;
      },
      message: "Posted.",
    });
  }

  it("answers that nothing was saved, keeping what was typed, for a refused or lost connection or a timeout", async () => {
    signInAs(member);
    for (const code of ["ECONNREFUSED", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "57P01", "57014"]) {
      const error = Object.assign(new Error("away"), { code });
      const state = await failingAction(error)(null, form({ body: "Half a thought" }));
      expect(state).toEqual({ ok: false, message: NOTHING_SAVED, fieldErrors: {}, values: { body: "Half a thought" } });
    }
  });

  it("still throws any other error to the error page", async () => {
    signInAs(member);
    const broken = failingAction(Object.assign(new Error("syntax"), { code: "42601" }));
    await expect(broken(null, form({ body: "x" }))).rejects.toThrow("syntax");
  });
});
