import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LikeButton } from "@/components/reviews/like-button";
import { fakeAction } from "../support/forms";

describe("LikeButton", () => {
  it("says Liked once the like is saved, keeping one accessible name for the toggle", async () => {
    const action = fakeAction((form) => {
      const liked = form.get("like") === "1";
      return { ok: true, message: liked ? "Liked." : "Like taken back.", data: { liked, likeCount: liked ? 4 : 3 } };
    });
    render(<LikeButton action={action} reviewId={12} liked={false} likeCount={3} />);
    const button = screen.getByRole("button", { name: "Like this review" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(button).not.toHaveTextContent("Liked");

    fireEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
    expect(button).toHaveTextContent("♥ Liked");
    expect(screen.getByText("4 likes")).toBeInTheDocument();
    expect(Object.fromEntries(action.sent[0]!)).toMatchObject({ reviewId: "12", like: "1" });

    fireEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "false"));
    expect(button).not.toHaveTextContent("Liked");
  });
});
