"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { FilmRef } from "@/lib/letterboxd/schema";

const subscribeNothing = () => () => {};

const label = (film: FilmRef) => `${film.title}${film.year ? ` (${film.year})` : ""}`;

/**
 * Searches the catalogue for one import entry and offers what it finds in
 * that entry's film select (`selectId`), choosing the first. Without
 * JavaScript the select keeps its suggested films and this field does not
 * appear.
 */
export function FilmSearch({ selectId, name, searchUrl }: { selectId: string; name: string; searchUrl: string }) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const ready = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const latest = useRef(0);

  useEffect(() => {
    const words = text.trim();
    if (words.length < 2) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void (async () => {
        const response = await fetch(`${searchUrl}?q=${encodeURIComponent(words)}`);
        if (ticket !== latest.current) return;
        if (!response.ok) {
          setStatus("The search did not work; try again.");
          return;
        }
        const { films } = (await response.json()) as { films: FilmRef[] };
        const select = document.getElementById(selectId);
        if (!(select instanceof HTMLSelectElement)) return;
        const known = new Set([...select.options].map((o) => o.value));
        for (const film of films) {
          if (known.has(String(film.id))) continue;
          select.add(new Option(label(film), String(film.id)));
        }
        if (films[0]) select.value = String(films[0].id);
        setStatus(
          films.length === 0
            ? `No film matches “${words}”.`
            : `${films.length} ${films.length === 1 ? "film" : "films"} found; ${label(films[0]!)} is chosen. Change it in the list above.`,
        );
      })();
    }, 300);
    return () => clearTimeout(timer);
  }, [text, searchUrl, selectId]);

  if (!ready) return null;
  const id = `${selectId}-search`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm">
        Search the catalogue for {name}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-status`}
        className="max-w-md rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
      />
      <p id={`${id}-status`} aria-live="polite" className="text-sm text-[var(--color-muted)]">
        {status}
      </p>
    </div>
  );
}
