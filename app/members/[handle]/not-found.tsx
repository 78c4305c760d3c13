import Link from "next/link";

export default function MemberNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Member not found</h1>
      <p>No member uses this handle.</p>
      <Link href="/films" className="text-[var(--color-accent)] hover:underline">
        Browse films
      </Link>
    </div>
  );
}
