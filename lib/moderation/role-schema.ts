import { z } from "zod";

/** The admin page's role form, shared by the browser and the server action. */
export const roleChangeSchema = z.object({
  handle: z.string().trim().toLowerCase().min(1, "Choose a member."),
  role: z.enum(["member", "moderator", "admin"], { error: "Choose member, moderator or admin." }),
});

export type RoleChangeField = "handle" | "role";
