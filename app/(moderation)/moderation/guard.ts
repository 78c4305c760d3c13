import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { mayOpenModeration, type Moderator } from "@/lib/policy";

/** The moderator reading this page; visitors go to sign in, members get a 404. */
export async function requireModerator(path: string): Promise<Moderator> {
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!mayOpenModeration(viewer)) notFound();
  return viewer;
}
