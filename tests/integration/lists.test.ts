import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listItems, lists } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { getListPage, listListsForFilm, listMemberLists } from "@/lib/lists/queries";
import { likeListSchema } from "@/lib/lists/schema";
import {
  addFilmToList,
  addFilmToNewList,
  createList,
  deleteList,
  moveFilmInList,
  removeFilmFromList,
  setListLike,
  updateList,
} from "@/lib/lists/write";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let owner: CurrentUser;
let other: CurrentUser;
let suspended: CurrentUser;
let filmIds: number[];

beforeAll(async () => {
  owner = await addMember(t.db);
  other = await addMember(t.db);
  suspended = await addMember(t.db, { suspended: true });
  filmIds = [];
  for (const title of ["Alpha", "Bravo", "Charlie", "Delta"]) filmIds.push((await addFilm(t.db, title)).id);
});

async function newList(fields: Partial<Record<"title" | "description" | "visibility", string>> = {}) {
  const result = await createList(owner, { title: "Night walks", description: "", visibility: "public", ...fields });
  if (!result.ok) throw new Error(result.message);
  return result.value.listId;
}

async function titlesOf(listId: number, viewer: string | null = owner.id) {
  const page = await getListPage(listId, 1, viewer);
  return page?.films.items.map((film) => `${film.position}:${film.title}`);
}

async function filled(count = 4) {
  const listId = await newList();
  for (const filmId of filmIds.slice(0, count)) {
    const added = await addFilmToList(owner, { listId: String(listId), filmId: String(filmId) });
    expect(added.ok).toBe(true);
  }
  return listId;
}

describe("making a list", () => {
  it("stores the title and the description rendered from Markdown", async () => {
    const listId = await newList({ title: "  Rain   on film ", description: "Films with *weather*." });
    const page = await getListPage(listId, 1, null);
    expect(page?.list.title).toBe("Rain on film");
    expect(page?.list.descriptionHtml).toContain("<em>weather</em>");
    expect(page?.list.ownerHandle).toBe(owner.handle);
  });

  it("refuses a missing or too long title with a message for the field", async () => {
    const empty = await createList(owner, { title: " ", description: "", visibility: "public" });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { title: ["Give the list a title."] } });
    const long = await createList(owner, { title: "x".repeat(121), description: "", visibility: "public" });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.fieldErrors?.title?.[0]).toContain("120 characters");
  });

  it("edits and deletes only the owner's list", async () => {
    const listId = await newList();
    const input = { listId: String(listId), title: "Renamed", description: "", visibility: "public" };
    expect((await updateList(other, input)).ok).toBe(false);
    expect((await updateList(owner, input)).ok).toBe(true);
    expect((await getListPage(listId, 1, null))?.list.title).toBe("Renamed");
    expect(await deleteList(other, { listId: String(listId) })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await deleteList(owner, { listId: String(listId) })).ok).toBe(true);
    expect(await getListPage(listId, 1, owner.id)).toBeNull();
  });

  it("refuses every write from a suspended member", async () => {
    const created = await createList(suspended, { title: "Mine", description: "", visibility: "public" });
    expect(created).toMatchObject({ ok: false, code: "forbidden" });
    const listId = await newList();
    expect((await setListLike(suspended, { listId: String(listId), like: "1" })).ok).toBe(false);
  });
});

describe("the films of a list", () => {
  it("holds a film once and keeps film_count", async () => {
    const listId = await filled(2);
    const again = await addFilmToList(owner, { listId: String(listId), filmId: String(filmIds[0]) });
    expect(again).toMatchObject({ ok: true, value: { message: "This film is already in that list." } });
    const [row] = await t.db.select({ n: lists.filmCount }).from(lists).where(eq(lists.id, listId));
    expect(row?.n).toBe(2);
    expect(await titlesOf(listId)).toEqual(["1:Alpha", "2:Bravo"]);
  });

  it("refuses to add to someone else's list", async () => {
    const listId = await newList();
    const refused = await addFilmToList(other, { listId: String(listId), filmId: String(filmIds[0]) });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("refuses the 1,001st film with a clear message", async () => {
    const listId = await newList();
    await t.db.update(lists).set({ filmCount: 1000 }).where(eq(lists.id, listId));
    const refused = await addFilmToList(owner, { listId: String(listId), filmId: String(filmIds[0]) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain("at most 1,000 films");
  });

  it("creates a new list holding the film", async () => {
    const made = await addFilmToNewList(owner, { filmId: String(filmIds[2]), title: "Just one" });
    if (!made.ok) throw new Error(made.message);
    expect(await titlesOf(made.value.listId)).toEqual(["1:Charlie"]);
    const choices = await listListsForFilm(owner.id, filmIds[2]!);
    expect(choices.find((list) => list.id === made.value.listId)?.hasFilm).toBe(true);
  });

  it("moves films up, down and to a position, keeping positions 1..n", async () => {
    const listId = await filled();
    const move = (filmId: number, direction: string, position?: number) =>
      moveFilmInList(owner, {
        listId: String(listId),
        filmId: String(filmId),
        direction,
        position: position === undefined ? "" : String(position),
      });
    expect((await move(filmIds[2]!, "up")).ok).toBe(true);
    expect(await titlesOf(listId)).toEqual(["1:Alpha", "2:Charlie", "3:Bravo", "4:Delta"]);
    expect((await move(filmIds[0]!, "down")).ok).toBe(true);
    expect(await titlesOf(listId)).toEqual(["1:Charlie", "2:Alpha", "3:Bravo", "4:Delta"]);
    expect((await move(filmIds[3]!, "to", 1)).ok).toBe(true);
    expect(await titlesOf(listId)).toEqual(["1:Delta", "2:Charlie", "3:Alpha", "4:Bravo"]);
    expect((await move(filmIds[3]!, "up")).ok).toBe(true);
    expect(await titlesOf(listId)).toEqual(["1:Delta", "2:Charlie", "3:Alpha", "4:Bravo"]);
    expect(
      (await moveFilmInList(other, { listId: String(listId), filmId: String(filmIds[0]), direction: "up" })).ok,
    ).toBe(false);
  });

  it("keeps positions 1..n when reorders race and when a film is removed", async () => {
    const listId = await filled();
    await Promise.all(
      filmIds.map((filmId, i) =>
        moveFilmInList(owner, {
          listId: String(listId),
          filmId: String(filmId),
          direction: "to",
          position: String(4 - i),
        }),
      ),
    );
    expect((await removeFilmFromList(owner, { listId: String(listId), filmId: String(filmIds[1]) })).ok).toBe(true);
    const rows = await t.db
      .select({ position: listItems.position })
      .from(listItems)
      .where(eq(listItems.listId, listId))
      .orderBy(listItems.position);
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3]);
    const [row] = await t.db.select({ n: lists.filmCount }).from(lists).where(eq(lists.id, listId));
    expect(row?.n).toBe(3);
  });
});

describe("private lists", () => {
  it("are readable by their owner only", async () => {
    const listId = await newList({ visibility: "private", title: "Secret" });
    expect(await getListPage(listId, 1, null)).toBeNull();
    expect(await getListPage(listId, 1, other.id)).toBeNull();
    expect((await getListPage(listId, 1, owner.id))?.list.title).toBe("Secret");
    const shared = await listMemberLists(owner.id, 1, { includePrivate: false });
    expect(shared.items.map((list) => list.title)).not.toContain("Secret");
    const own = await listMemberLists(owner.id, 1, { includePrivate: true });
    expect(own.items.map((list) => list.title)).toContain("Secret");
    expect(await setListLike(other, { listId: String(listId), like: "1" })).toMatchObject({ code: "not_found" });
    expect(await addFilmToList(other, { listId: String(listId), filmId: String(filmIds[0]) })).toMatchObject({
      code: "not_found",
    });
  });
});

describe("liking a list", () => {
  it("counts likes once per member and refuses your own list", async () => {
    const listId = await newList();
    expect(await setListLike(owner, { listId: String(listId), like: "1" })).toMatchObject({ code: "forbidden" });
    await setListLike(other, { listId: String(listId), like: "1" });
    const twice = await setListLike(other, { listId: String(listId), like: "1" });
    expect(twice).toMatchObject({ ok: true, value: { likeCount: 1 } });
    const undone = await setListLike(other, { listId: String(listId), like: "0" });
    expect(undone).toMatchObject({ ok: true, value: { likeCount: 0, liked: false } });
  });

  it("takes the form as the action wrapper hands it over, already parsed", async () => {
    const listId = await newList();
    const parsed = likeListSchema.parse({ listId: String(listId), like: "1" });
    expect(await setListLike(other, parsed)).toMatchObject({ ok: true, value: { liked: true, likeCount: 1 } });
  });
});

describe("query budget", () => {
  it("reads a list page in the same queries for 1 film or 50", async () => {
    const small = await filled(1);
    const large = await newList();
    const values = [];
    for (let i = 0; i < 60; i++) values.push((await addFilm(t.db, `Film ${i}`)).id);
    await t.db.insert(listItems).values(values.map((filmId, i) => ({ listId: large, filmId, position: i + 1 })));
    await t.db.execute(sql`update lists set film_count = 60 where id = ${large}`);
    t.queries.reset();
    await getListPage(small, 1, null);
    const one = t.queries.count;
    t.queries.reset();
    const page = await getListPage(large, 1, null);
    expect(page?.films.items).toHaveLength(50);
    expect(page?.films.pageCount).toBe(2);
    expect(t.queries.count).toBe(one);
    expect(one).toBe(2);
  });
});
