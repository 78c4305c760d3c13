import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RatingForm } from "@/components/ratings/rating-form";
import { fakeAction } from "../support/forms";

describe("RatingForm", () => {
  it("saves a rating once it is chosen, with no button to press", async () => {
    const action = fakeAction(() => ({ ok: true, message: "Your rating is now 3½/4." }));
    render(<RatingForm action={action} filmSlug="her" filmTitle="Her" halfStars={null} />);
    expect(screen.queryByRole("button", { name: "Save rating" })).toBeNull();

    // Moving across the stars saves once, for the last one chosen.
    fireEvent.click(screen.getByRole("radio", { name: "2/4" }));
    fireEvent.click(screen.getByRole("radio", { name: "3½/4" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Your rating is now 3½/4."));
    expect(action.sent).toHaveLength(1);
    expect(Object.fromEntries(action.sent[0]!)).toMatchObject({ film: "her", intent: "rate", halfStars: "7" });
  });
});
