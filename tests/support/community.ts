import type { Database } from "@/db/client";
import { films } from "@/db/schema";

let sequence = 0;

export { createMember as addMember, formOf as form } from "./actors";

/** Adds a film with nothing but a title and year. */
export async function addFilm(db: Database, title: string, year = 2001): Promise<{ id: number; slug: string }> {
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++sequence}`;
  const [row] = await db.insert(films).values({ slug, title, year }).returning({ id: films.id, slug: films.slug });
  return row!;
}
