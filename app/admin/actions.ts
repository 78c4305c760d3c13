"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf, type ActionState } from "@/lib/forms/legacy-action-state";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { changeMemberRole } from "@/lib/moderation/members";
import { roleChangeSchema, type RoleChangeField } from "@/lib/moderation/role-schema";

export type RoleChangeState = ActionState<RoleChangeField, Record<RoleChangeField, string>> | null;

/** An admin changes a member's role (checked here and again in lib/moderation). */
export async function changeRoleAction(_previous: RoleChangeState, formData: FormData): Promise<RoleChangeState> {
  const values = { handle: String(formData.get("handle") ?? ""), role: String(formData.get("role") ?? "") };
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again.", fieldErrors: {}, values };
  const parsed = roleChangeSchema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: "That change is not valid.", fieldErrors: fieldErrorsOf<RoleChangeField>(parsed.error), values };
  }
  if (!hasRole(user.role, "admin")) return { ok: false, message: "Only admins can change roles.", fieldErrors: {}, values };
  const result = await changeMemberRole(user, parsed.data.handle, parsed.data.role);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: {}, values };
  revalidatePath("/admin");
  return {
    ok: true,
    message: result.changed ? `@${result.handle} is now ${article(result.to)} ${result.to}.` : `@${result.handle} was already ${article(result.to)} ${result.to}.`,
  };
}

function article(role: string): string {
  return role === "admin" ? "an" : "a";
}
