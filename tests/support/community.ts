import type { Database } from "@/db/client";
import { films, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";

let sequence = 0;

/** Adds a member and returns them as getCurrentUser() would. */
export async function addMember(
  db: Database,
  options: { handle?: string; role?: CurrentUser["role"]; suspended?: boolean } = {},
): Promise<CurrentUser> {
  const handle = options.handle ?? `member${++sequence}_${Math.random().toString(36).slice(2, 7)}`;
  const [row] = await db
    .insert(users)
    .values({
      handle,
      name: `Member ${handle}`,
      role: options.role ?? "member",
      suspendedAt: options.suspended ? new Date() : null,
    })
    .returning({ id: users.id });
  return {
    id: row!.id,
    handle,
    name: `Member ${handle}`,
    image: null,
    role: options.role ?? "member",
    suspended: options.suspended ?? false,
  };
}

/** Adds a film with nothing but a title and year. */
export async function addFilm(db: Database, title: string, year = 2001): Promise<{ id: number; slug: string }> {
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++sequence}`;
  const [row] = await db.insert(films).values({ slug, title, year }).returning({ id: films.id, slug: films.slug });
  return row!;
}

/** FormData from a plain object, as a browser would post it. */
export function form(fields: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.set(key, value);
  return data;
}

/** Thrown by the mocked redirect(), so a test can see where an action went. */
export class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}
