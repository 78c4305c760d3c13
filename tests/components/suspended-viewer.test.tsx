import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ViewerRatingPanel } from "@/components/ratings/viewer-rating-panel";
import { ViewerProvider } from "@/components/viewer/viewer-context";
import type { ViewerPayload } from "@/lib/viewer/schema";

vi.mock("next/navigation", () => ({ usePathname: () => "/films/her" }));

/** Renders the film page's rating panel for whoever /api/viewer says is reading. */
function renderFor(payload: ViewerPayload) {
  vi.stubGlobal(
    "fetch",
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(payload), { status: 200 }))),
  );
  render(
    <ViewerProvider>
      <ViewerRatingPanel
        film={{ slug: "her", title: "Her" }}
        rate={async () => ({ ok: true, message: "" }) as never}
        visitor={<p>Sign in to rate or review</p>}
      />
    </ViewerProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the rating panel", () => {
  it("tells a suspended member why and until when", async () => {
    renderFor({
      member: {
        id: "m1",
        handle: "maya",
        name: "Maya",
        image: null,
        role: "member",
        suspended: true,
        suspension: { reason: "Spoilers in review titles", until: "2027-01-13T00:00:00.000Z" },
      },
    });
    const note = await screen.findByRole("note");
    expect(note.textContent).toContain("Your account is suspended");
    expect(note.textContent).toContain("Reason: Spoilers in review titles.");
    expect(note.textContent).toContain("It ends after 12 January 2027.");
  });

  it("shows a visitor the invitation to sign in and nothing about suspensions", async () => {
    renderFor({ member: null });
    expect(await screen.findByText("Sign in to rate or review")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/suspended/i);
  });
});
