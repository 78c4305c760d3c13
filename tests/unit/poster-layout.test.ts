import { describe, expect, it } from "vitest";
import { fitTitle, measure } from "@/components/films/poster-layout";

const TITLES = [
  "Her",
  "Being John Malkovich",
  "Intolerance",
  "The Adventures of Tintin: Secret of the Unicorn",
  "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb",
  "Borat: Cultural Learnings of America for Make Benefit Glorious Nation of Kazakhstan",
  "WWWWWWWWWWWWWWWWWWWWWWWW",
  "Ponyo",
];

describe("fitTitle", () => {
  it.each(TITLES)("sets “%s” in lines of whole words, each as wide as the poster at most", (title) => {
    const { lines, size } = fitTitle(title);
    expect(lines.join(" ")).toBe(title);
    const words = new Set(title.split(" "));
    for (const line of lines) {
      for (const word of line.split(" ")) expect(words.has(word)).toBe(true);
      expect(measure(line) * size).toBeLessThanOrEqual(84 + 1e-9);
    }
  });

  it("gives a short title large type and a long one smaller type on more lines", () => {
    const short = fitTitle("Her");
    const long = fitTitle("The Adventures of Tintin: Secret of the Unicorn");
    expect(short.lines).toEqual(["Her"]);
    expect(short.size).toBeGreaterThan(long.size);
    expect(long.lines.length).toBeGreaterThan(2);
  });

  it("keeps “MALKOVICH” and “INTOLERANCE” on one line each", () => {
    expect(fitTitle("Being John Malkovich").lines).toContain("Malkovich");
    expect(fitTitle("Intolerance").lines).toEqual(["Intolerance"]);
  });
});
