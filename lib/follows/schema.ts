import { z } from "zod";

/**
 * The follow form, shared by the browser and the server action. No server
 * imports here.
 */

/** Members shown per page on a followers or following page. */
export const FOLLOWS_PAGE_SIZE = 30;

/** A member's handle as the member pages spell it. */
export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,59}$/;

/** Follow (`follow` = "1") or unfollow ("0") the member `handle`: the form says the state it wants, so a repeat changes nothing. */
export const followFormSchema = z.object({
  handle: z
    .string({ error: "Choose a member to follow." })
    .regex(HANDLE_PATTERN, "There is no member with that handle."),
  follow: z.enum(["0", "1"], { error: "Choose follow or unfollow." }).transform((value) => value === "1"),
});
export type FollowInput = z.output<typeof followFormSchema>;
