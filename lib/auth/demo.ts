import "server-only";
import { demoMembers as seeded } from "@/db/seed/demo";

/** The demo members the development sign-in lists: who they are, not how they sign in. */
export const demoMembers = seeded.map(({ handle, name, role }) => ({ handle, name, role }));
