import { beforeEach, vi } from "vitest";
import { redirectLogs } from "@/lib/log";

// The server's JSON log lines would bury the test report: they go nowhere unless a test reads them (./logs.ts).
redirectLogs({ write: () => {} });

// Node tests run without a request: the session, the cache and navigation
// are stood in for here, once for every test file (see ./session.ts).
vi.mock("@/lib/auth", async () => {
  const { session } = await import("./session");
  return { getCurrentUser: async () => session.user };
});

vi.mock("next/cache", async () => {
  const { invalidatedTags } = await import("./session");
  const record = (tag: string) => {
    invalidatedTags.push(tag);
  };
  // Outside Next, "use cache" is only a string: every read goes to the database, and a
  // cached read's lifetime and tags are no-ops (the browser suites test the cache itself).
  return {
    updateTag: record,
    revalidateTag: record,
    revalidatePath: () => {},
    refresh: () => {},
    cacheLife: () => {},
    cacheTag: () => {},
  };
});

// Route handlers wait for a request before reading (`connection()`); a test calling one is that request.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

vi.mock("next/navigation", async () => {
  const { Redirected } = await import("./session");
  return {
    redirect: (url: string) => {
      throw new Redirected(url);
    },
    notFound: () => {
      throw new Error("notFound");
    },
  };
});

beforeEach(async () => {
  const { session, invalidatedTags } = await import("./session");
  session.user = null;
  invalidatedTags.length = 0;
});
