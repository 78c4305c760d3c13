import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemberStanding } from "@/components/members/member-standing";
import { useViewer, ViewerProvider } from "@/components/viewer/viewer-context";
import type { CurrentUser } from "@/lib/auth";
import type { ViewerPayload } from "@/lib/viewer/schema";

vi.mock("next/navigation", () => ({ usePathname: () => "/members/theo" }));

const person = (role: CurrentUser["role"]): CurrentUser => ({
  id: `id-${role}`,
  handle: role,
  name: role,
  image: null,
  role,
  suspended: false,
});

/** Says when the payload has arrived, so a test of what is absent waits for it. */
function Arrived() {
  return useViewer() ? <p>payload arrived</p> : null;
}

/** The member page's header for whoever /api/viewer says is reading, once their payload has arrived. */
async function renderFor(payload: ViewerPayload) {
  const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify(payload), { status: 200 })));
  vi.stubGlobal("fetch", fetch);
  render(
    <ViewerProvider>
      <h1>Theo</h1>
      <MemberStanding handle="theo" />
      <Arrived />
    </ViewerProvider>,
  );
  await screen.findByText("payload arrived");
  expect(fetch).toHaveBeenCalledWith("/api/viewer?path=%2Fmembers%2Ftheo", expect.anything());
}

afterEach(() => vi.unstubAllGlobals());

describe("a suspended member's page", () => {
  it("says nothing about a suspension to a visitor", async () => {
    await renderFor({ member: null });
    expect(screen.getByRole("heading", { name: "Theo" })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/suspend/i);
  });

  it("says nothing about a suspension to a member", async () => {
    await renderFor({ member: person("member") });
    expect(document.body.textContent).not.toMatch(/suspend/i);
  });

  it("tells a moderator that the member is suspended, why and until when", async () => {
    await renderFor({
      member: person("moderator"),
      profile: { handle: "theo", suspension: { reason: "Insults", until: "2027-01-13T00:00:00.000Z" } },
    });
    const note = await screen.findByRole("note");
    expect(note.textContent).toBe(
      "Moderators only: @theo is suspended from posting until the end of 12 January 2027. Reason: Insults",
    );
  });

  it("tells a moderator nothing when the member is not suspended, or the payload is about someone else", async () => {
    await renderFor({
      member: person("moderator"),
      profile: { handle: "maya", suspension: { reason: "Insults", until: null } },
    });
    expect(document.body.textContent).not.toMatch(/suspend/i);
  });
});
