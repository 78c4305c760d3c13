import { act, fireEvent, render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SearchBox } from "@/components/films/search-box";
import { SUGGEST_DEBOUNCE_MS } from "@/components/films/search-suggest-input";
import type { Suggestions } from "@/lib/search/schema";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const answer: Suggestions = {
  films: [
    { slug: "her", title: "Her", year: 2013 },
    { slug: "hercules", title: "Hercules", year: 1997 },
  ],
  people: [{ slug: "bernard-herrmann", name: "Bernard Herrmann", films: 3 }],
};

let asked: string[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  asked = [];
  push.mockReset();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
    }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Types `text` one key at a time, then lets the debounce and the answer through. */
async function type(box: HTMLElement, text: string) {
  for (let i = 1; i <= text.length; i++) {
    fireEvent.change(box, { target: { value: text.slice(0, i) } });
    await act(async () => vi.advanceTimersByTime(50));
  }
  await act(async () => vi.advanceTimersByTime(SUGGEST_DEBOUNCE_MS));
}

function setup() {
  render(<SearchBox />);
  const box = screen.getByRole("combobox", { name: "Search films and people" });
  box.focus();
  return box;
}

describe("the header search's suggestions", () => {
  it("stays a plain search form to /films that works without the list", () => {
    setup();
    const form = screen.getByRole("search", { name: "Site search" });
    expect(form).toHaveAttribute("action", "/films");
    expect(form).toHaveAttribute("method", "get");
    expect(screen.getByRole("combobox")).toHaveAttribute("name", "q");
    expect(screen.getByRole("combobox")).toHaveAttribute("aria-expanded", "false");
  });

  it("asks once typing pauses, not for every key, and not for one letter", async () => {
    const box = setup();
    await type(box, "h");
    expect(asked).toEqual([]);
    await type(box, "her");
    expect(asked).toEqual(["/api/search/suggest?q=her"]);
    expect(box).toHaveAttribute("aria-expanded", "true");
    const list = screen.getByRole("listbox", { name: "Suggestions" });
    expect(box).toHaveAttribute("aria-controls", list.id);
    expect(within(within(list).getByRole("group", { name: "Films" })).getAllByRole("option")).toHaveLength(2);
    expect(within(list).getByRole("group", { name: "People" })).toHaveTextContent("Bernard Herrmann3 films");
    expect(document.querySelector("[aria-live=polite]")).toHaveTextContent("3 suggestions");
  });

  it("moves through films then people with the arrows, opens the chosen one with Enter", async () => {
    const box = setup();
    await type(box, "her");
    const options = screen.getAllByRole("option");
    expect(box).not.toHaveAttribute("aria-activedescendant");

    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box).toHaveAttribute("aria-activedescendant", options[0]!.id);
    expect(options[0]).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box).toHaveAttribute("aria-activedescendant", options[2]!.id);
    // Past the last, back to the box itself; Up from there goes to the last.
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box).not.toHaveAttribute("aria-activedescendant");
    fireEvent.keyDown(box, { key: "ArrowUp" });
    expect(box).toHaveAttribute("aria-activedescendant", options[2]!.id);

    const enter = fireEvent.keyDown(box, { key: "Enter" });
    expect(enter).toBe(false);
    expect(push).toHaveBeenCalledWith("/people/bernard-herrmann");
    expect(box).toHaveAttribute("aria-expanded", "false");
  });

  it("leaves Enter to the form when no suggestion is chosen", async () => {
    const box = setup();
    await type(box, "her");
    expect(fireEvent.keyDown(box, { key: "Enter" })).toBe(true);
    expect(push).not.toHaveBeenCalled();
  });

  it("closes with Escape, keeping what was typed; a second Escape clears the box", async () => {
    const box = setup();
    await type(box, "her");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    expect(box).toHaveValue("her");
    // Down opens the list again.
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box).toHaveAttribute("aria-expanded", "true");
    fireEvent.keyDown(box, { key: "Escape" });
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box).toHaveValue("");
  });

  it("opens a suggestion by click too", async () => {
    const box = setup();
    await type(box, "her");
    fireEvent.click(screen.getByRole("option", { name: /Hercules/ }));
    expect(push).toHaveBeenCalledWith("/films/hercules");
  });

  it("has no axe violations with the list open", async () => {
    const box = setup();
    await type(box, "her");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    vi.useRealTimers();
    const results = await axe.run(document.body, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
