import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { films, listItems, listLikes, lists } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { renderStored } from "@/lib/markdown";
import { authorize, refuseListEdit, refuseListLike } from "@/lib/policy";
import { fail, invalid, ok, type Result } from "@/lib/result";
import {
  addFilmSchema,
  addFilmToNewListSchema,
  likeListSchema,
  LIST_FILMS_MAX,
  listFilmSchema,
  listFormSchema,
  listIdSchema,
  moveFilmSchema,
  updateListSchema,
} from "./schema";

export interface ListChange {
  listId: number;
  changed: Tag[];
}

const FULL_MESSAGE = `A list holds at most ${LIST_FILMS_MAX.toLocaleString("en-GB")} films; remove one before adding another.`;

function listChanges(list: { id: number; ownerId: string }): Tag[] {
  return [tags.list(list.id), tags.member(list.ownerId)];
}

/** The list `listId`, locked until the transaction ends: every write to a list's films goes through it, one at a time. */
async function lockList(tx: Transaction, listId: number) {
  const [row] = await tx
    .select({ id: lists.id, ownerId: lists.ownerId, isPublic: lists.isPublic, filmCount: lists.filmCount })
    .from(lists)
    .where(eq(lists.id, listId))
    .for("update");
  return row ?? null;
}

/** Appends `filmId` to a locked list (once), keeping film_count in the same transaction. */
async function appendFilm(
  tx: Transaction,
  list: { id: number; filmCount: number },
  filmId: number,
): Promise<"added" | "already" | "full"> {
  const [present] = await tx
    .select({ filmId: listItems.filmId })
    .from(listItems)
    .where(and(eq(listItems.listId, list.id), eq(listItems.filmId, filmId)));
  if (present) return "already";
  if (list.filmCount >= LIST_FILMS_MAX) return "full";
  await tx.insert(listItems).values({ listId: list.id, filmId, position: list.filmCount + 1 });
  await tx
    .update(lists)
    .set({ filmCount: sql`${lists.filmCount} + 1`, updatedAt: sql`now()` })
    .where(eq(lists.id, list.id));
  return "added";
}

/** Creates a list owned by `actor`, its description rendered and stored now. */
export async function createList(actor: CurrentUser, raw: unknown): Promise<Result<ListChange>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = listFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "The list is not saved yet: please fix the fields marked below.");
  const { title, description, visibility } = parsed.data;
  const stored = renderStored(description);
  const db = await getDb();
  const [row] = await db
    .insert(lists)
    .values({
      ownerId: actor.id,
      title,
      description,
      descriptionHtml: stored.bodyHtml,
      descriptionHtmlVersion: stored.bodyHtmlVersion,
      isPublic: visibility === "public",
    })
    .returning({ id: lists.id });
  if (!row) throw new Error("The list insert returned no row.");
  return ok({ listId: row.id, changed: listChanges({ id: row.id, ownerId: actor.id }) });
}

/** Changes the title, description or visibility of `actor`'s own list. */
export async function updateList(actor: CurrentUser, raw: unknown): Promise<Result<ListChange>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = updateListSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "The list is not saved yet: please fix the fields marked below.");
  const { listId, title, description, visibility } = parsed.data;
  const stored = renderStored(description);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const list = await lockList(tx, listId);
    const refused = refuseListEdit(actor, list);
    if (refused || !list) return refused ?? fail("not_found", "That list does not exist.");
    await tx
      .update(lists)
      .set({
        title,
        description,
        descriptionHtml: stored.bodyHtml,
        descriptionHtmlVersion: stored.bodyHtmlVersion,
        isPublic: visibility === "public",
        updatedAt: sql`now()`,
      })
      .where(eq(lists.id, listId));
    return ok({ listId, changed: listChanges(list) });
  });
}

/** Deletes `actor`'s own list with its films and likes. */
export async function deleteList(
  actor: CurrentUser,
  raw: unknown,
): Promise<Result<ListChange & { ownerHandle: string }>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = listIdSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const list = await lockList(tx, parsed.data.listId);
    const refused = refuseListEdit(actor, list);
    if (refused || !list) return refused ?? fail("not_found", "That list does not exist.");
    await tx.delete(lists).where(eq(lists.id, list.id));
    return ok({ listId: list.id, ownerHandle: actor.handle, changed: listChanges(list) });
  });
}

/** Adds a film to the end of one of `actor`'s lists; a film is in a list once, and a list holds at most 1,000. */
export async function addFilmToList(
  actor: CurrentUser,
  raw: unknown,
): Promise<Result<ListChange & { message: string }>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = addFilmSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { listId, filmId } = parsed.data;
  const db = await getDb();
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.id, filmId));
  if (!film) return fail("not_found", "That film is not in the catalogue.");
  return db.transaction(async (tx) => {
    const list = await lockList(tx, listId);
    const refused = refuseListEdit(actor, list);
    if (refused || !list) return refused ?? fail("not_found", "That list does not exist.");
    const outcome = await appendFilm(tx, list, filmId);
    if (outcome === "full") return fail("conflict", FULL_MESSAGE, { listId: [FULL_MESSAGE] });
    return ok({
      listId,
      message: outcome === "added" ? "Added to your list." : "This film is already in that list.",
      changed: listChanges(list),
    });
  });
}

/** Creates a public list titled `title` holding the one film. */
export async function addFilmToNewList(
  actor: CurrentUser,
  raw: unknown,
): Promise<Result<ListChange & { message: string }>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = addFilmToNewListSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { filmId, title } = parsed.data;
  const db = await getDb();
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.id, filmId));
  if (!film) return fail("not_found", "That film is not in the catalogue.");
  const stored = renderStored("");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(lists)
      .values({
        ownerId: actor.id,
        title,
        descriptionHtml: stored.bodyHtml,
        descriptionHtmlVersion: stored.bodyHtmlVersion,
        filmCount: 1,
      })
      .returning({ id: lists.id });
    if (!row) throw new Error("The list insert returned no row.");
    await tx.insert(listItems).values({ listId: row.id, filmId, position: 1 });
    return ok({
      listId: row.id,
      message: `Added to your new list “${title}”.`,
      changed: listChanges({ id: row.id, ownerId: actor.id }),
    });
  });
}

/** Removes a film from `actor`'s list; the films after it move up, so positions stay 1..n. */
export async function removeFilmFromList(actor: CurrentUser, raw: unknown): Promise<Result<ListChange>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = listFilmSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { listId, filmId } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const list = await lockList(tx, listId);
    const refused = refuseListEdit(actor, list);
    if (refused || !list) return refused ?? fail("not_found", "That list does not exist.");
    const [removed] = await tx
      .delete(listItems)
      .where(and(eq(listItems.listId, listId), eq(listItems.filmId, filmId)))
      .returning({ position: listItems.position });
    if (!removed) return fail("not_found", "That film is not in this list.");
    await tx
      .update(listItems)
      .set({ position: sql`${listItems.position} - 1` })
      .where(and(eq(listItems.listId, listId), gt(listItems.position, removed.position)));
    await tx
      .update(lists)
      .set({ filmCount: sql`${lists.filmCount} - 1`, updatedAt: sql`now()` })
      .where(eq(lists.id, listId));
    return ok({ listId, changed: listChanges(list) });
  });
}

/**
 * Moves a film up, down or to a position in `actor`'s list. Race-safe: the
 * list row is locked for the transaction, so two reorders of one list run one
 * after the other, and every position is rewritten 1..n in one statement.
 */
export async function moveFilmInList(
  actor: CurrentUser,
  raw: unknown,
): Promise<Result<ListChange & { position: number }>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = moveFilmSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { listId, filmId, direction, position } = parsed.data;
  if (direction === "to" && position === undefined) {
    return fail("invalid", "Type a position such as 3.", { position: ["Type a position such as 3."] });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const list = await lockList(tx, listId);
    const refused = refuseListEdit(actor, list);
    if (refused || !list) return refused ?? fail("not_found", "That list does not exist.");
    const rows = await tx
      .select({ filmId: listItems.filmId })
      .from(listItems)
      .where(eq(listItems.listId, listId))
      .orderBy(listItems.position, listItems.addedAt);
    const order = rows.map((row) => row.filmId);
    const from = order.indexOf(filmId);
    if (from < 0) return fail("not_found", "That film is not in this list.");
    const wanted = direction === "up" ? from - 1 : direction === "down" ? from + 1 : (position ?? 1) - 1;
    const to = Math.min(Math.max(wanted, 0), order.length - 1);
    order.splice(from, 1);
    order.splice(to, 0, filmId);
    const values = sql.join(
      order.map((id, index) => sql`(${id}::integer, ${index + 1}::integer)`),
      sql`, `,
    );
    await tx.execute(sql`update ${listItems} set position = fresh.position
      from (values ${values}) as fresh (film_id, position)
      where ${listItems.listId} = ${listId} and ${listItems.filmId} = fresh.film_id`);
    await tx
      .update(lists)
      .set({ updatedAt: sql`now()` })
      .where(eq(lists.id, listId));
    return ok({ listId, position: to + 1, changed: listChanges(list) });
  });
}

/** Likes or unlikes a list someone else made; like_count changes in the same transaction as the like. */
export async function setListLike(
  actor: CurrentUser,
  raw: unknown,
): Promise<Result<ListChange & { liked: boolean; likeCount: number; message: string }>> {
  const poster = authorize(actor, "poster");
  if (!poster.ok) return poster;
  const parsed = likeListSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { listId, like } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const list = await lockList(tx, listId);
    const refused = refuseListLike(actor, list);
    if (refused || !list) return refused ?? fail("not_found", "That list does not exist.");
    const changedRows = like
      ? await tx
          .insert(listLikes)
          .values({ listId, userId: actor.id })
          .onConflictDoNothing()
          .returning({ listId: listLikes.listId })
      : await tx
          .delete(listLikes)
          .where(and(eq(listLikes.listId, listId), eq(listLikes.userId, actor.id)))
          .returning({ listId: listLikes.listId });
    const delta = changedRows.length === 0 ? 0 : like ? 1 : -1;
    const [row] = await tx
      .update(lists)
      .set({ likeCount: sql`${lists.likeCount} + ${delta}` })
      .where(eq(lists.id, listId))
      .returning({ likeCount: lists.likeCount });
    return ok({
      listId,
      liked: like,
      likeCount: row?.likeCount ?? 0,
      message: like ? "You like this list." : "You no longer like this list.",
      changed: listChanges(list),
    });
  });
}
