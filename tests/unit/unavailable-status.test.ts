import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDatabaseAwayStatus, noteRequestMetDatabaseFault } from "@/lib/unavailable-status";

/**
 * A real HTTP server in this process with the hold installed: what a client
 * gets for each way Next writes a response, with and without a database fault.
 */

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const handlers = new Map<string, Handler>();
let server: Server;
let base: string;

beforeAll(async () => {
  installDatabaseAwayStatus();
  server = createServer((request, response) =>
    handlers.get(new URL(request.url!, "http://x").pathname)!(request, response),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function route(path: string, handler: Handler): string {
  handlers.set(path, handler);
  return base + path;
}

describe("a 500 whose request met no database fault", () => {
  it("goes out as written, whether its status was set or written as a head", async () => {
    const set = route("/set", (_, response) => {
      response.statusCode = 500;
      response.setHeader("Content-Type", "text/html");
      response.flushHeaders();
      response.write("<p>Something ");
      response.end("went wrong</p>");
    });
    const head = route("/head", (_, response) => {
      response.writeHead(500, "Broken", { "X-Marquee": "kept" });
      response.end("oops");
    });
    const answer = await fetch(set);
    expect(answer.status).toBe(500);
    expect(answer.headers.get("content-type")).toBe("text/html");
    expect(await answer.text()).toBe("<p>Something went wrong</p>");
    const headed = await fetch(head);
    expect([headed.status, headed.statusText, headed.headers.get("x-marquee")]).toEqual([500, "Broken", "kept"]);
    expect(await headed.text()).toBe("oops");
  });
});

describe("a 500 whose request met a database fault", () => {
  it("becomes the 503 page, even when the fault is reported just after the response ended", async () => {
    const reportedLate = route("/late", (request, response) => {
      response.statusCode = 500;
      response.setHeader("Content-Length", "5");
      response.setHeader("ETag", '"abc"');
      response.end("error");
      // As instrumentation.ts's onRequestError does, after an await.
      void Promise.resolve().then(() => noteRequestMetDatabaseFault(request.headers));
    });
    const answer = await fetch(reportedLate);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("etag")).toBeNull();
    expect(await answer.text()).toContain("Marquee can't reach its database right now");

    const head = await fetch(reportedLate, { method: "HEAD" });
    expect(head.status).toBe(503);
    expect(await head.text()).toBe("");
  });

  it("is left alone when it answers a POST, or when its status is not 500", async () => {
    const faulted =
      (status: number): Handler =>
      (request, response) => {
        noteRequestMetDatabaseFault(request.headers);
        response.statusCode = status;
        response.end(`status ${status}`);
      };
    const post = await fetch(route("/post", faulted(500)), { method: "POST", body: "x" });
    expect([post.status, await post.text()]).toEqual([500, "status 500"]);
    const ok = await fetch(route("/ok", faulted(200)));
    expect([ok.status, await ok.text()]).toEqual([200, "status 200"]);
  });
});
