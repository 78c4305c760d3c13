import type { Role } from "@/db/schema";
import { query } from "./db";

/** The member row behind an OIDC identity (`sub`), or undefined when that account is not linked to anyone. */
export async function memberByAccount(
  sub: string,
): Promise<{ id: string; handle: string; name: string; role: Role } | undefined> {
  const [row] = await query<{ id: string; handle: string; name: string; role: Role }>(
    `select u.id, u.handle, u.name, u.role from accounts a join users u on u.id = a.user_id
     where a.provider = 'oidc' and a.provider_account_id = $1`,
    [sub],
  );
  return row;
}

/** Gives a member a role directly in the database, as `npm run user:role` would (without the log entry). */
export async function setRole(handle: string, role: Role): Promise<void> {
  await query(`update users set role = $1 where handle = $2`, [role, handle]);
}
