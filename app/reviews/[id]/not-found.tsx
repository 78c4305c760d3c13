import Link from "next/link";

export default function ReviewNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Review not found</h1>
      <p>There is no review here that you can read. It may have been deleted, or not published yet.</p>
      <Link href="/films" className="text-[var(--color-accent)] hover:underline">
        Browse films
      </Link>
    </div>
  );
}
