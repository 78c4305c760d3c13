import "server-only";
import { and, asc, count, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, listItems, listLikes, lists, users } from "@/db/schema";
import { paginate, pageWindow, type Page } from "@/lib/pagination";
import { LIST_PAGE_SIZE } from "./schema";

export interface ListSummary {
  id: number;
  title: string;
  isPublic: boolean;
  filmCount: number;
  likeCount: number;
  updatedAt: Date;
}

export interface ListFilm {
  filmId: number;
  slug: string;
  title: string;
  year: number | null;
  position: number;
}

export interface ListPage {
  list: ListSummary & {
    ownerId: string;
    ownerHandle: string;
    ownerName: string;
    description: string;
    descriptionHtml: string;
  };
  films: Page<ListFilm>;
}

/** Lists shown per page on a member's lists page and on "Your lists". */
export const LISTS_PAGE_SIZE = 20;

const summaryColumns = {
  id: lists.id,
  title: lists.title,
  isPublic: lists.isPublic,
  filmCount: lists.filmCount,
  likeCount: lists.likeCount,
  updatedAt: lists.updatedAt,
};

/**
 * A page of list `listId` (50 films a page) in two queries whatever the page
 * size: the list with its owner, then the page of films. A private list is
 * found only when `ownerId` is its owner; pass null for a read every reader
 * shares, which then finds public lists only.
 */
export async function getListPage(listId: number, page: number, ownerId: string | null): Promise<ListPage | null> {
  const db = await getDb();
  const visible =
    ownerId === null ? eq(lists.isPublic, true) : or(eq(lists.isPublic, true), eq(lists.ownerId, ownerId));
  const [list] = await db
    .select({
      ...summaryColumns,
      ownerId: lists.ownerId,
      ownerHandle: users.handle,
      ownerName: sql<string>`coalesce(${users.name}, ${users.handle})`,
      description: lists.description,
      descriptionHtml: sql<string>`coalesce(${lists.descriptionHtml}, '')`,
    })
    .from(lists)
    .innerJoin(users, eq(users.id, lists.ownerId))
    .where(and(eq(lists.id, listId), visible));
  if (!list) return null;
  const { limit, offset } = pageWindow(page, LIST_PAGE_SIZE);
  const items = await db
    .select({
      filmId: listItems.filmId,
      slug: films.slug,
      title: films.title,
      year: films.year,
      position: listItems.position,
    })
    .from(listItems)
    .innerJoin(films, eq(films.id, listItems.filmId))
    .where(eq(listItems.listId, listId))
    .orderBy(asc(listItems.position))
    .limit(limit)
    .offset(offset);
  return { list, films: paginate(items, list.filmCount, page, LIST_PAGE_SIZE) };
}

/** A page of `memberId`'s lists, newest first: public ones only unless `includePrivate` (their own page). */
export async function listMemberLists(
  memberId: string,
  page: number,
  { includePrivate }: { includePrivate: boolean },
): Promise<Page<ListSummary>> {
  const db = await getDb();
  const where = includePrivate
    ? eq(lists.ownerId, memberId)
    : and(eq(lists.ownerId, memberId), eq(lists.isPublic, true));
  const { limit, offset } = pageWindow(page, LISTS_PAGE_SIZE);
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(lists)
      .where(where)
      .orderBy(desc(lists.createdAt), desc(lists.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(lists).where(where),
  ]);
  return paginate(items, total?.n ?? 0, page, LISTS_PAGE_SIZE);
}

/** The most lists "Add to a list" offers at once (the ones changed most recently). */
export const ADD_TO_LIST_CHOICES = 100;

/** `ownerId`'s lists to add film `filmId` to, each saying whether the film is in it already, in one query. */
export async function listListsForFilm(
  ownerId: string,
  filmId: number,
): Promise<(ListSummary & { hasFilm: boolean })[]> {
  const db = await getDb();
  return db
    .select({
      ...summaryColumns,
      hasFilm: sql<boolean>`exists (select 1 from ${listItems}
        where ${listItems.listId} = ${lists.id} and ${listItems.filmId} = ${filmId})`,
    })
    .from(lists)
    .where(eq(lists.ownerId, ownerId))
    .orderBy(desc(lists.updatedAt), desc(lists.id))
    .limit(ADD_TO_LIST_CHOICES);
}

/** Whether `userId` likes list `listId` (the like button's state; never part of a shared page). */
export async function likesList(userId: string, listId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ listId: listLikes.listId })
    .from(listLikes)
    .where(and(eq(listLikes.listId, listId), eq(listLikes.userId, userId)));
  return row !== undefined;
}
