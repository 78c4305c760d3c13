"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { SUGGEST_MIN_QUERY, suggestQuery, type Suggestions } from "@/lib/search/schema";

/** How long typing must pause before the suggestions are asked for. */
export const SUGGEST_DEBOUNCE_MS = 200;

interface Option {
  id: string;
  href: string;
  label: string;
  detail: string;
}

/**
 * The header search's text box as a combobox (the WAI-ARIA pattern with a
 * listbox): films and people are suggested as you type, Down and Up move
 * through them, Enter opens the one chosen, Escape closes the list. With no
 * suggestion chosen, Enter submits the surrounding form to the search page,
 * which is also all the box does before JavaScript loads.
 */
export function SearchSuggestInput({
  id,
  name,
  defaultValue,
  placeholder,
  className,
}: {
  id: string;
  name: string;
  defaultValue: string;
  placeholder: string;
  className: string;
}) {
  const router = useRouter();
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef("");

  const q = suggestQuery(value);
  useEffect(() => {
    // Too short to ask: the list is not shown (see `shown`), and the last answer waits for more typing.
    if (q.length < SUGGEST_MIN_QUERY) return;
    if (q === asked.current) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Suggestions>) : null))
        .then((answer) => {
          if (!answer) return;
          asked.current = q;
          setSuggestions(answer);
          setActive(-1);
        })
        // A superseded or failed request leaves the list as it was; the form still searches.
        .catch(() => {});
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const films: Option[] = (suggestions?.films ?? []).map((film) => ({
    id: `${listId}-film-${film.slug}`,
    href: `/films/${film.slug}`,
    label: film.title,
    detail: film.year === null ? "" : String(film.year),
  }));
  const people: Option[] = (suggestions?.people ?? []).map((person) => ({
    id: `${listId}-person-${person.slug}`,
    href: `/people/${person.slug}`,
    label: person.name,
    detail: person.films === 1 ? "1 film" : `${person.films} films`,
  }));
  const options = [...films, ...people];
  const shown = open && q.length >= SUGGEST_MIN_QUERY && suggestions !== null;
  const expanded = shown && options.length > 0;
  const current = expanded && active >= 0 ? options[active] : undefined;

  function go(option: Option) {
    setOpen(false);
    router.push(option.href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (!expanded) {
        setOpen(true);
        setActive(step === 1 ? 0 : options.length - 1);
        return;
      }
      // The box itself (-1) sits between the last option and the first, as in a native list.
      setActive((at) => ((at + 1 + step + options.length + 1) % (options.length + 1)) - 1);
    } else if (event.key === "Enter" && current) {
      event.preventDefault();
      go(current);
    } else if (event.key === "Escape" && (expanded || value)) {
      event.preventDefault();
      if (expanded) setOpen(false);
      else setValue("");
      setActive(-1);
    }
  }

  const group = (label: string, items: Option[], offset: number) =>
    items.length === 0 ? null : (
      <ul role="group" aria-labelledby={`${listId}-${label}`}>
        <li
          role="presentation"
          id={`${listId}-${label}`}
          className="px-3 pt-2 text-xs font-semibold uppercase text-[var(--color-muted)]"
        >
          {label}
        </li>
        {items.map((option, index) => (
          <li
            key={option.id}
            id={option.id}
            role="option"
            aria-selected={active === offset + index}
            // Keep the focus in the box; the click then opens the page.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(option)}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 text-sm ${
              active === offset + index ? "bg-[var(--color-accent)] text-[var(--color-accent-ink)]" : ""
            }`}
          >
            <span className="min-w-0 truncate">{option.label}</span>
            <span className="shrink-0 text-xs opacity-80">{option.detail}</span>
          </li>
        ))}
      </ul>
    );

  return (
    <div className="relative min-w-0 flex-1 sm:flex-none">
      <input
        id={id}
        name={name}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={current?.id}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        maxLength={100}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={className}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute right-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] overflow-hidden rounded border border-[var(--color-line)] bg-[var(--color-card)] pb-1 shadow-lg"
      >
        {group("Films", films, 0)}
        {group("People", people, films.length)}
      </div>
      {/* A live region without the status role: the page's own status line stays the first one. */}
      <p aria-live="polite" className="sr-only">
        {shown
          ? options.length === 0
            ? "No suggestions."
            : `${options.length} suggestions. Use the arrow keys to choose one.`
          : ""}
      </p>
    </div>
  );
}
