import type { FormAction } from "@/lib/forms/action-state";
import { buttonClass } from "@/components/ui/button";
import type { ListFilm } from "@/lib/lists/queries";
import { filmLabel } from "@/lib/text";

/**
 * The films of a list with the owner's controls: Move up, Move down, a
 * position to move to, and Remove. Each is a plain form, so the order can be
 * changed with the keyboard and without JavaScript.
 */
export function ListFilmRows({
  listId,
  films,
  total,
  move,
  remove,
}: {
  listId: number;
  films: ListFilm[];
  total: number;
  move: FormAction;
  remove: FormAction;
}) {
  if (films.length === 0) return <p className="text-[var(--color-muted)]">No films in this list yet.</p>;
  const small = buttonClass("plain", "small");
  return (
    <ol className="space-y-3" aria-label="Films in this list, in order">
      {films.map((film) => {
        const label = filmLabel(film);
        const hidden = (
          <>
            <input type="hidden" name="listId" value={listId} />
            <input type="hidden" name="filmId" value={film.filmId} />
          </>
        );
        return (
          <li key={film.filmId} className="space-y-2 rounded border border-[var(--color-line)] p-3">
            <p className="font-medium break-words">
              <span className="text-[var(--color-muted)]">{film.position}.</span> {label}
            </p>
            <div className="flex flex-wrap items-end gap-2">
              <form action={move}>
                {hidden}
                <input type="hidden" name="direction" value="up" />
                <button type="submit" className={small} disabled={film.position === 1}>
                  Move up<span className="sr-only"> {label}</span>
                </button>
              </form>
              <form action={move}>
                {hidden}
                <input type="hidden" name="direction" value="down" />
                <button type="submit" className={small} disabled={film.position === total}>
                  Move down<span className="sr-only"> {label}</span>
                </button>
              </form>
              <form action={move} className="flex items-end gap-1">
                {hidden}
                <input type="hidden" name="direction" value="to" />
                <label className="text-sm">
                  <span className="block">Position of {label}</span>
                  <input
                    type="number"
                    name="position"
                    min={1}
                    max={total}
                    required
                    defaultValue={film.position}
                    className="w-20 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
                  />
                </label>
                <button type="submit" className={small}>
                  Move<span className="sr-only"> {label} to this position</span>
                </button>
              </form>
              <form action={remove}>
                {hidden}
                <button type="submit" className={buttonClass("danger", "small")}>
                  Remove<span className="sr-only"> {label}</span>
                </button>
              </form>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
