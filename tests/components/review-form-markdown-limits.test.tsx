import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ReviewForm } from "@/components/reviews/review-form";
import { fakeAction } from "../support/forms";

describe("ReviewForm and the Markdown limits", () => {
  it("says next to the review text what to change, without calling the server", async () => {
    const action = fakeAction(() => ({ ok: true, message: "Saved" }));
    render(
      <ReviewForm
        action={action}
        filmSlug="her"
        filmTitle="Her"
        initialValues={{ halfStars: "", verdict: "", body: "", containsSpoilers: false }}
        published={false}
      />,
    );
    fireEvent.click(screen.getByRole("radio", { name: "3½/4" }));
    fireEvent.change(screen.getByLabelText("Verdict"), { target: { value: "A love story about listening." } });
    fireEvent.change(screen.getByLabelText("Review text"), {
      target: { value: `${">".repeat(12)} Too deep a quote.` },
    });
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));

    const body = screen.getByLabelText("Review text");
    await waitFor(() => expect(body).toHaveAttribute("aria-invalid", "true"));
    expect(body).toHaveAccessibleDescription(expect.stringContaining("Quotes can be nested at most 8 deep (line 1)."));
    expect(action.sent).toHaveLength(0);
  });
});
