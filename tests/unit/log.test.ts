import { describe, expect, it } from "vitest";
import { requestIdFrom, routeConsoleThroughLogger, serializeError } from "@/lib/log";
import { captureLogs } from "../support/logs";

const logs = captureLogs();

/** A failed query as Drizzle throws it: the SQL and its parameters in the message, the database's error as the cause. */
function failedQuery(): Error {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
    code: "23505",
    constraint_name: "users_email_unique",
    detail: "Key (email)=(maya@example.com) already exists.",
  });
  const error = new Error(
    'Failed query: insert into "users" ("name", "email") values ($1, $2)\nparams: Maya,maya@example.com',
    {
      cause,
    },
  );
  error.name = "DrizzleQueryError";
  return Object.assign(error, { query: 'insert into "users"', params: ["Maya", "maya@example.com"] });
}

describe("serializeError", () => {
  it("keeps a failed query's code and the database's message, never its parameters or detail", () => {
    const serialized = serializeError(failedQuery());
    expect(serialized).toEqual({
      type: "DrizzleQueryError",
      message: "Failed query",
      cause: expect.objectContaining({
        message: 'duplicate key value violates unique constraint "users_email_unique"',
        code: "23505",
        constraint: "users_email_unique",
      }) as unknown,
    });
    expect(JSON.stringify(serialized)).not.toContain("maya@example.com");
  });
});

describe("requestIdFrom", () => {
  it("believes a well-formed id only from a trusted proxy", () => {
    expect(requestIdFrom("lb-7f3a9c21", true)).toBe("lb-7f3a9c21");
    expect(requestIdFrom("lb-7f3a9c21", false)).not.toBe("lb-7f3a9c21");
    expect(requestIdFrom("bad id\r\nforged", true)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the console, once the server has started", () => {
  it("writes JSON lines through the logger, a failed query without its parameters", () => {
    const original = { ...console };
    routeConsoleThroughLogger();
    try {
      console.error("\u001b[31m⨯\u001b[39m", failedQuery());
      console.log("Ready in %d ms", 120);
    } finally {
      Object.assign(console, original);
    }
    const text = logs.text();
    expect(text).not.toContain("maya@example.com");
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        level: "error",
        event: "console",
        msg: "⨯",
        err: expect.objectContaining({ message: "Failed query" }) as unknown,
      }),
      expect.objectContaining({ level: "info", event: "console", msg: "Ready in 120 ms" }),
    ]);
  });
});
