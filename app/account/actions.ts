"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fieldErrorsOf, type ActionState } from "@/lib/forms/legacy-action-state";
import { revokeAllSessions, updateProfile } from "@/lib/account/profile";
import { PROFILE_FIELDS, profileSchema, type ProfileField } from "@/lib/account/profile-schema";
import { getCurrentUser } from "@/lib/auth";
import { signOut } from "@/lib/auth/config";

/** The profile form's state; on success it carries the saved (normalised) values. */
export type ProfileState =
  | (ActionState<ProfileField, Record<ProfileField, string>> & { values?: Record<ProfileField, string> })
  | null;

function profileValues(formData: FormData): Record<ProfileField, string> {
  const values = { name: "", handle: "" };
  for (const field of PROFILE_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

/** Saves the signed-in member's display name and handle. */
export async function updateProfileAction(_previous: ProfileState, formData: FormData): Promise<ProfileState> {
  const values = profileValues(formData);
  const user = await getCurrentUser();
  if (!user) {
    return { ok: false, message: "Your session has ended. Sign in again to change your profile.", fieldErrors: {}, values };
  }
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      message: "Please fix the highlighted fields.",
      fieldErrors: fieldErrorsOf<ProfileField>(parsed.error),
      values,
    };
  }
  const result = await updateProfile(user.id, parsed.data);
  if (!result.ok) {
    return { ok: false, message: "Please fix the highlighted fields.", fieldErrors: result.fieldErrors, values };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "Your profile is saved.", values: result.profile };
}

/** Deletes every session of the signed-in member (all devices), then this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  await revokeAllSessions(user.id);
  await signOut({ redirectTo: "/" });
}
