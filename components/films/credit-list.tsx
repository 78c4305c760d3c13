import Link from "next/link";

/** "Directed by Spike Jonze" with each name linking to the person's page. */
export function CreditList({ label, people }: { label: string; people: { slug: string; name: string }[] }) {
  if (people.length === 0) return null;
  return (
    <p>
      <span className="text-[var(--color-muted)]">{label} </span>
      {people.map((person, i) => (
        <span key={person.slug}>
          {i > 0 ? (i === people.length - 1 ? " and " : ", ") : null}
          <Link href={`/people/${person.slug}`} className="font-medium hover:underline">
            {person.name}
          </Link>
        </span>
      ))}
    </p>
  );
}
