import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FilmGrid, type FilmCardData } from "@/components/films/film-card";
import { ViewerProvider } from "@/components/viewer/viewer-context";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import type { ViewerPayload } from "@/lib/viewer/schema";

vi.mock("next/navigation", () => ({ usePathname: () => "/films" }));

const member = {
  id: "m1",
  handle: "maya",
  name: "Maya",
  image: null,
  role: "member" as const,
  suspended: false,
};

const films: FilmCardData[] = [
  { id: 11, slug: "alpha", title: "Alpha", year: 1999, genres: [], ratingCount: 0, halfStarsTotal: 0 },
  { id: 12, slug: "bravo", title: "Bravo", year: 2004, genres: [], ratingCount: 0, halfStarsTotal: 0 },
  { id: 13, slug: "charlie", title: "Charlie", year: 2010, genres: [], ratingCount: 0, halfStarsTotal: 0 },
];

/** Answers the payload request once `release` is called, so the state before it arrives can be seen. */
function serve(payload: ViewerPayload) {
  let release = () => {};
  const fetchMock = vi.fn(
    (_url: string) =>
      new Promise<Response>((resolve) => {
        release = () => resolve(new Response(JSON.stringify(payload), { status: 200 }));
      }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return { fetchMock, release: () => act(async () => release()) };
}

function renderGrid(action: FormAction<{ onWatchlist: boolean }>, ownerId?: string) {
  render(
    <ViewerProvider>
      <FilmGrid films={films} label="Films" watchlist={action} watchlistOwnerId={ownerId} />
    </ViewerProvider>,
  );
}

const unused = (async () => ({ ok: true, message: "" })) as unknown as FormAction<{ onWatchlist: boolean }>;

afterEach(() => vi.unstubAllGlobals());

describe("the poster grid's watchlist buttons", () => {
  it("ask the payload about the films shown, and start from the member's real state", async () => {
    const { fetchMock, release } = serve({ member, unread: 0, watchlisted: [12] });
    renderGrid(unused);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toBe("/api/viewer?path=%2Ffilms&films=11,12,13");
    // Before the payload arrives: no buttons, as for everyone.
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    await release();
    // One request, with the ids: the grid names its films in the same commit as the path is known.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const bravo = await screen.findByRole("button", { name: "Remove Bravo (2004) from your watchlist" });
    expect(bravo.textContent).toBe("Remove");
    expect(bravo.closest("form")?.querySelector<HTMLInputElement>("input[name=want]")?.value).toBe("0");
    expect(bravo.closest("form")?.textContent).toContain("On your watchlist");
    for (const name of ["Add Alpha (1999) to your watchlist", "Add Charlie (2010) to your watchlist"]) {
      const button = screen.getByRole("button", { name });
      expect(button.textContent).toBe("+ Watchlist");
      expect(button.closest("form")?.querySelector<HTMLInputElement>("input[name=want]")?.value).toBe("1");
    }
  });

  it("turn into the other once the server has answered", async () => {
    const action = vi.fn(
      async (_previous: ActionState<{ onWatchlist: boolean }> | null, form: FormData) =>
        ({ ok: true, message: "", data: { onWatchlist: form.get("want") === "1" } }) as const,
    ) as unknown as FormAction<{ onWatchlist: boolean }>;
    const { release } = serve({ member, unread: 0, watchlisted: [12] });
    renderGrid(action);
    await release();
    fireEvent.click(await screen.findByRole("button", { name: "Remove Bravo (2004) from your watchlist" }));
    const added = await screen.findByRole("button", { name: "Add Bravo (2004) to your watchlist" });
    expect(added.textContent).toBe("+ Watchlist");
    expect(added.closest("form")?.textContent).toContain("Off your watchlist");
    fireEvent.click(screen.getByRole("button", { name: "Add Alpha (1999) to your watchlist" }));
    const removable = await screen.findByRole("button", { name: "Remove Alpha (1999) from your watchlist" });
    expect(removable.closest("form")?.textContent).toContain("On your watchlist");
  });

  it("show nothing to a visitor, and on a member's own watchlist ask about no films", async () => {
    const visitor = serve({ member: null });
    renderGrid(unused);
    await visitor.release();
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    document.body.innerHTML = "";
    const owner = serve({ member, unread: 0 });
    renderGrid(unused, member.id);
    await owner.release();
    expect(String(owner.fetchMock.mock.calls.at(-1)?.[0])).toBe("/api/viewer?path=%2Ffilms");
    expect(await screen.findAllByRole("button", { name: /^Remove / })).toHaveLength(3);
  });
});
