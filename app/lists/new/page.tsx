import type { Metadata } from "next";
import Link from "next/link";
import { ListForm } from "@/components/lists/list-form";
import { createListAction } from "../actions";

export const metadata: Metadata = { title: "New list", robots: { index: false, follow: false } };

/** A new list: its title, description and who can see it; films are added next. */
export default function NewListPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/lists/mine" className="text-[var(--color-accent)] hover:underline">
          ← Your lists
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">New list</h1>
      <ListForm action={createListAction} submit="Make the list" />
    </div>
  );
}
