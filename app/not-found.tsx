import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p>We could not find that page. The address may be mistyped, or the film or person may have moved.</p>
      <p className="flex gap-4">
        <Link href="/films" className="text-[var(--color-accent)] hover:underline">
          Browse films
        </Link>
        <Link href="/" className="text-[var(--color-accent)] hover:underline">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
