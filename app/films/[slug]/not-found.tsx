import Link from "next/link";

export default function FilmNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Film not found</h1>
      <p>There is no film at this address. Search the catalogue instead.</p>
      <Link href="/films" className="text-[var(--color-accent)] hover:underline">
        Browse films
      </Link>
    </div>
  );
}
