import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilmGrid } from "@/components/films/film-card";
import { readPerson } from "@/lib/cache/reads";
import { isSlug, PLACEHOLDER_SLUG } from "@/lib/params";

type Params = Promise<{ slug: string }>;

const loadPerson = (slug: string) => (isSlug(slug) ? readPerson(slug) : Promise.resolve(null));

/** No person's page is built with the app; each is prerendered on its first request and kept until the catalogue changes. */
export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_SLUG }];
}

const ROLE_HEADINGS = { director: "Director", writer: "Writer", cast: "Actor" } as const;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const person = await loadPerson((await params).slug);
  if (!person) notFound();
  return {
    title: person.name,
    description: `${person.name}'s films on Marquee, by role.`,
    alternates: { canonical: `/people/${person.slug}` },
  };
}

export default async function PersonPage({ params }: { params: Params }) {
  const person = await loadPerson((await params).slug);
  if (!person) notFound();
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-4xl font-bold">{person.name}</h1>
      {person.roles.length === 0 ? (
        <p className="text-[var(--color-muted)]">No films are credited to {person.name} yet.</p>
      ) : (
        person.roles.map((group) => (
          <section key={group.role} aria-labelledby={`role-${group.role}`} className="space-y-3">
            <h2 id={`role-${group.role}`} className="font-serif text-2xl font-semibold">
              {ROLE_HEADINGS[group.role]}{" "}
              <span className="text-base font-normal text-[var(--color-muted)]">({group.films.length})</span>
            </h2>
            <FilmGrid
              films={group.films}
              label={`Films with ${person.name} as ${ROLE_HEADINGS[group.role].toLowerCase()}`}
            />
          </section>
        ))
      )}
    </div>
  );
}
