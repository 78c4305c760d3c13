"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth";
import type { ActionState } from "@/lib/forms/legacy-action-state";
import { addBlockedTerm, removeBlockedTerm } from "@/lib/moderation/blocklist";

export type BlocklistFormState = ActionState<"term", { term?: string }>;

export async function addBlockedTermAction(_prev: BlocklistFormState | null, form: FormData): Promise<BlocklistFormState> {
  const term = String(form.get("term") ?? "");
  const outcome = await addBlockedTerm(await getCurrentUser(), term);
  if (!outcome.ok) {
    return { ok: false, message: outcome.message, fieldErrors: outcome.field ? { term: [outcome.message] } : {}, values: { term } };
  }
  revalidatePath("/admin/blocklist");
  return { ok: true, message: `“${outcome.term}” is on the blocklist. New comments containing it wait for a moderator.` };
}

export async function removeBlockedTermAction(_prev: BlocklistFormState | null, form: FormData): Promise<BlocklistFormState> {
  const outcome = await removeBlockedTerm(await getCurrentUser(), Number(form.get("id")));
  if (!outcome.ok) return { ok: false, message: outcome.message, fieldErrors: {}, values: {} };
  revalidatePath("/admin/blocklist");
  return { ok: true, message: `“${outcome.term}” is off the blocklist.` };
}
