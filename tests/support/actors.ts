import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, users, type Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";

let sequence = 0;

/** Creates a member with one linked account and returns them as getCurrentUser() would. */
export async function createMember(
  db: Database,
  options: { role?: Role; suspended?: boolean; handle?: string; provider?: string } = {},
): Promise<CurrentUser> {
  const handle = options.handle ?? `member-${process.pid}-${++sequence}-${Math.random().toString(36).slice(2, 6)}`;
  const [row] = await db
    .insert(users)
    .values({
      handle,
      name: `Member ${handle}`,
      role: options.role ?? "member",
      suspendedAt: options.suspended ? new Date() : null,
    })
    .returning({ id: users.id });
  await db.insert(accounts).values({
    userId: row!.id,
    type: "oauth",
    provider: options.provider ?? "google",
    providerAccountId: `acct-${handle}`,
  });
  return {
    id: row!.id,
    handle,
    name: `Member ${handle}`,
    image: null,
    role: options.role ?? "member",
    suspended: options.suspended ?? false,
  };
}

/** The demo member with this handle, as getCurrentUser() would return them. */
export async function demoActor(db: Database, handle: string): Promise<CurrentUser> {
  const [row] = await db
    .select({ id: users.id, handle: users.handle, name: users.name, role: users.role, suspendedAt: users.suspendedAt })
    .from(users)
    .where(eq(users.handle, handle));
  if (!row) throw new Error(`No member ${handle}`);
  return {
    id: row.id,
    handle: row.handle,
    name: row.name ?? row.handle,
    image: null,
    role: row.role,
    suspended: row.suspendedAt !== null,
  };
}

/** FormData from a plain object, as a browser form would send it. */
export function formOf(fields: Record<string, string | number | undefined>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, String(value));
  return form;
}
