import { describe, expect, it } from "vitest";
import { formatMean, formatRating, ratingLabel } from "@/lib/ratings/scale";
import { slugify, uniqueSlug } from "@/db/slug";

describe("the four-point scale", () => {
  it("shows half stars as fractions of four", () => {
    expect([0, 1, 2, 7, 8].map(formatRating)).toEqual(["0/4", "½/4", "1/4", "3½/4", "4/4"]);
    expect(ratingLabel(7)).toBe("3 and a half out of 4");
    expect(ratingLabel(1)).toBe("half a star out of 4");
  });

  it("computes the mean to one decimal from integer totals", () => {
    expect(formatMean(15, 2)).toBe("3.8");
    expect(formatMean(16, 2)).toBe("4.0");
    expect(formatMean(7, 3)).toBe("1.2");
    expect(formatMean(0, 0)).toBeNull();
  });
});

describe("slugs", () => {
  it("are readable and accent-free", () => {
    expect(slugify("Her")).toBe("her");
    expect(slugify("Amélie & the Café!")).toBe("amelie-and-the-cafe");
    expect(slugify("???")).toBe("untitled");
  });

  it("take the year, then a counter, when taken", () => {
    expect(uniqueSlug("titanic", 1997, new Set())).toBe("titanic");
    expect(uniqueSlug("titanic", 1997, new Set(["titanic"]))).toBe("titanic-1997");
    expect(uniqueSlug("titanic", 1997, new Set(), true)).toBe("titanic-1997");
    expect(uniqueSlug("titanic", 1997, new Set(["titanic", "titanic-1997"]))).toBe("titanic-1997-2");
    expect(uniqueSlug("x", null, new Set(["x"]))).toBe("x-2");
  });
});
