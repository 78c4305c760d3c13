import { describe, expect, it } from "vitest";
import { isSlug } from "@/lib/params";
import {
  filmReviewsHref,
  memberReviewsHref,
  parseReviewListSegments,
  reviewCommentsHref,
  reviewThreadHref,
} from "@/lib/reviews/params";
import { viewerScope, viewerUrl } from "@/lib/viewer/schema";

describe("the paths of cached pages", () => {
  it("puts every page past the first in a path of its own, and the first on the page itself", () => {
    expect(reviewCommentsHref(12, 1)).toBe("/reviews/12");
    expect(reviewCommentsHref(12, 3)).toBe("/reviews/12/comments/3");
    expect(reviewThreadHref(12, 345, 1)).toBe("/reviews/12/threads/345");
    expect(reviewThreadHref(12, 345, 2)).toBe("/reviews/12/threads/345/2");
    expect(filmReviewsHref("her", { sort: "newest", page: 1 })).toBe("/films/her#reviews-heading");
    expect(filmReviewsHref("her", { sort: "liked", page: 1 })).toBe("/films/her/reviews/liked/1#reviews-heading");
    expect(memberReviewsHref("maya", 1)).toBe("/members/maya");
    expect(memberReviewsHref("maya", 4)).toBe("/members/maya/reviews/4");
  });

  it("takes a sort and page from the path only in the one form it writes them", () => {
    expect(parseReviewListSegments("liked", "2")).toEqual({ sort: "liked", page: 2 });
    for (const [sort, page] of [
      ["best", "2"],
      ["liked", "02"],
      ["liked", "1e3"],
      ["liked", "0"],
      ["newest", "-1"],
    ]) {
      expect(parseReviewListSegments(sort!, page!), `${sort}/${page}`).toBeNull();
    }
  });

  it("answers a slug that cannot be one without asking the database", () => {
    expect(isSlug("her")).toBe(true);
    expect(isSlug("10-000-b-c")).toBe(true);
    for (const slug of ["-", "Her", "her--2", "her-", "%00", "a".repeat(201)]) expect(isSlug(slug), slug).toBe(false);
  });
});

describe("the viewer payload's scope", () => {
  it("knows a film, review or member page from its path, and nothing else", () => {
    expect(viewerScope("/reviews/12")).toEqual({ review: 12 });
    expect(viewerScope("/reviews/12/threads/345/2")).toEqual({ review: 12 });
    expect(viewerScope("/films/her")).toEqual({ film: "her" });
    expect(viewerScope("/films/her/reviews/liked/2")).toEqual({ film: "her" });
    expect(viewerScope("/films")).toBeNull();
    expect(viewerScope("/members/maya")).toEqual({ member: "maya" });
    expect(viewerScope("/members/maya/reviews/2")).toEqual({ member: "maya" });
    expect(viewerScope("/members")).toBeNull();
    expect(viewerUrl("/films/her")).toBe("/api/viewer?path=%2Ffilms%2Fher");
  });
});
