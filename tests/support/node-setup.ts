import { beforeEach, vi } from "vitest";

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
  return { updateTag: record, revalidateTag: record, revalidatePath: () => {}, refresh: () => {} };
});

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
