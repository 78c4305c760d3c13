import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LogViewingForm } from "@/components/diary/log-viewing-form";
import { fakeAction } from "../support/forms";

const film = { id: 4, title: "Her" };
const base = { film, today: "2026-12-04", latest: "2026-12-05", halfStars: null, hasReview: false };

describe("LogViewingForm", () => {
  it("offers “Remove from my watchlist”, ticked, only when the film is on the watchlist", () => {
    const action = fakeAction(() => ({ ok: true, message: "Logged." }));
    const { unmount } = render(<LogViewingForm action={action} {...base} onWatchlist />);
    expect(screen.getByLabelText("Remove from my watchlist")).toBeChecked();
    expect(screen.getByLabelText("Date watched")).toHaveValue("2026-12-04");
    unmount();
    render(<LogViewingForm action={action} {...base} onWatchlist={false} />);
    expect(screen.queryByLabelText("Remove from my watchlist")).toBeNull();
    expect(screen.queryByLabelText("Link my review of this film")).toBeNull();
  });

  it("shows a refused date next to its field and keeps what was chosen", async () => {
    const action = fakeAction((form) => ({
      ok: false,
      message: "The viewing is not logged yet: please fix the fields marked below.",
      fieldErrors: { watchedOn: ["That date is in the future; log a film once you have seen it."] },
      values: {
        watchedOn: String(form.get("watchedOn")),
        rewatch: String(form.get("rewatch") ?? ""),
        halfStars: String(form.get("halfStars") ?? ""),
      },
    }));
    render(<LogViewingForm action={action} {...base} onWatchlist={false} />);
    fireEvent.change(screen.getByLabelText("Date watched"), { target: { value: "2026-12-05" } });
    fireEvent.click(screen.getByLabelText("I had seen it before (a rewatch)"));
    fireEvent.change(screen.getByLabelText("Your rating (optional)"), { target: { value: "7" } });
    fireEvent.click(screen.getByRole("button", { name: "Log this viewing" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("in the future"));
    const date = screen.getByLabelText("Date watched");
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveAttribute("aria-describedby", "log-watchedOn-error");
    expect(date).toHaveValue("2026-12-05");
    expect(screen.getByLabelText("I had seen it before (a rewatch)")).toBeChecked();
    expect(screen.getByLabelText("Your rating (optional)")).toHaveValue("7");
  });
});
