import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { comments, films, importItems, ratings, reviews, users } from "@/db/schema";
import { importWordPress } from "@/lib/imports/wordpress";
import { useTestDatabase } from "../support/database";
import { chunked, wxr } from "../support/wxr";

// Placing a reply fails: it stands for any failure half-way through a post's transaction,
// after its film, review, rating and first comment were written.
vi.mock("@/lib/comments/tree", async (original) => ({
  ...(await original<typeof import("@/lib/comments/tree")>()),
  placeReply: () => {
    throw new Error("Placing the reply failed");
  },
}));

const t = useTestDatabase();

const exportFile = wxr({
  authors: [{ id: 1, login: "reel", displayName: "Reel Thoughts" }],
  posts: [
    {
      id: 1,
      title: "Alien (1979)",
      content: "<p>In space.</p><p>4/4 – Perfect dread</p>",
      comments: [{ id: 1, author: "Ana", content: "Yes.", date: "2014-01-01 10:00:00" }],
    },
    {
      id: 2,
      title: "Aliens (1986)",
      content: "<p>Louder.</p><p>3½/4 – Great fun</p>",
      comments: [
        { id: 2, author: "Ben", content: "First comment is fine.", date: "2014-01-02 10:00:00" },
        { id: 3, parent: 2, author: "Cy", content: "A reply, which fails.", date: "2014-01-02 11:00:00" },
      ],
    },
  ],
});

async function counts() {
  const tables = { reviews, comments, films, users, ratings, importItems };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await t.db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

describe("a post that fails half-way", () => {
  it("leaves nothing of that post behind, and keeps the posts saved before it", async () => {
    await expect(importWordPress(t.db, chunked(exportFile))).rejects.toThrow("Placing the reply failed");
    // Alien and its comment, its film, the author and the rating: Aliens' film, review, rating and first comment are gone.
    expect(await counts()).toEqual({ reviews: 1, comments: 1, films: 1, users: 1, ratings: 1, importItems: 3 });
    const [film] = await t.db.select({ title: films.title, ratingCount: films.ratingCount }).from(films);
    expect(film).toEqual({ title: "Alien", ratingCount: 1 });
  });
});
