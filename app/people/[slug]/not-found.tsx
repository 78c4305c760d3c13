import Link from "next/link";

export default function PersonNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Person not found</h1>
      <p>Nobody in the catalogue has this address. Try searching by name.</p>
      <Link href="/films" className="text-[var(--color-accent)] hover:underline">
        Search films and people
      </Link>
    </div>
  );
}
