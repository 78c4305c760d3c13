import { z } from "zod";

/** The account deletion form, shared by the page and the server action. No server imports. */
export const deleteAccountSchema = z.object({
  confirmHandle: z.string({ error: "Type your handle to confirm." }).trim().min(1, "Type your handle to confirm."),
  reviews: z.enum(["delete", "keep"], { error: "Choose what happens to your reviews." }),
  comments: z.enum(["keep", "erase"], { error: "Choose what happens to your comments." }),
});
export type DeleteAccountInput = z.output<typeof deleteAccountSchema>;

/** The name shown wherever a deleted member's kept words remain. */
export const FORMER_MEMBER = "a former member";
