import { z } from "zod";
import { handleSchema } from "@/lib/auth/handle";
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from "@/lib/text";

/** The account page's profile form, shared by the browser (react-hook-form) and the server action. */
export const profileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the name other members will see.")
    .max(50, "A display name can be at most 50 characters.")
    .refine((name) => !hasUnsafeCharacters(name), UNSAFE_TEXT_MESSAGE),
  handle: handleSchema,
});

export const PROFILE_FIELDS = ["name", "handle"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;

export const HANDLE_TAKEN = "That handle is taken";
