import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, hasRole, type CurrentUser } from "@/lib/auth";

/** The moderator reading this page; visitors go to sign in, members get a 404. */
export async function requireModerator(path: string): Promise<CurrentUser> {
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!hasRole(viewer.role, "moderator") || viewer.suspended) notFound();
  return viewer;
}
