import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { ReviewForm } from "@/components/reviews/review-form";
import type { FormAction } from "@/lib/forms/action-state";
import type { ReviewFormValues } from "@/lib/reviews/schema";
import { fakeAction } from "../support/forms";

const empty: ReviewFormValues = { halfStars: "", verdict: "", body: "", containsSpoilers: false };

function renderForm(action: FormAction, initialValues = empty) {
  return render(
    <ReviewForm action={action} filmSlug="her" filmTitle="Her" initialValues={initialValues} published={false} />,
  );
}

describe("ReviewForm", () => {
  it("shows the server's message next to its field and keeps what was typed", async () => {
    const action = fakeAction((data) => {
      return {
        ok: false,
        message: "The review is not saved yet: please fix the fields marked below.",
        fieldErrors: { verdict: ["That verdict is already taken by the server, for testing."] },
        values: {
          halfStars: String(data.get("halfStars") ?? ""),
          verdict: String(data.get("verdict")),
          body: String(data.get("body")),
          containsSpoilers: String(data.get("containsSpoilers") ?? ""),
        },
      };
    });
    renderForm(action);
    fireEvent.click(screen.getByRole("radio", { name: "3½/4" }));
    fireEvent.change(screen.getByLabelText("Verdict"), { target: { value: "A love story about listening." } });
    fireEvent.change(screen.getByLabelText("Review text"), { target: { value: "*Her* is kind." } });
    fireEvent.click(screen.getByLabelText("This review contains spoilers"));
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));

    const verdict = screen.getByLabelText("Verdict");
    await waitFor(() => expect(verdict).toHaveAttribute("aria-invalid", "true"));
    expect(verdict).toHaveAccessibleDescription(
      expect.stringContaining("That verdict is already taken by the server, for testing."),
    );
    expect(screen.getByText("That verdict is already taken by the server, for testing.")).toHaveAttribute(
      "id",
      "review-verdict-error",
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      "The review is not saved yet: please fix the fields marked below.",
    );
    expect(verdict).toHaveValue("A love story about listening.");
    expect(screen.getByLabelText("Review text")).toHaveValue("*Her* is kind.");
    expect(screen.getByRole("radio", { name: "3½/4" })).toBeChecked();
    expect(screen.getByLabelText("This review contains spoilers")).toBeChecked();

    expect(action.sent).toHaveLength(1);
    expect(action.sent[0]!.get("intent")).toBe("publish");
    expect(action.sent[0]!.get("halfStars")).toBe("7");
    expect(action.sent[0]!.get("film")).toBe("her");
  });

  it("checks on the client first with the shared schema, without calling the server", async () => {
    const action = fakeAction(() => ({ ok: true, message: "Saved" }));
    renderForm(action);
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));
    await waitFor(() =>
      expect(screen.getByText("Choose your rating before publishing. A draft can wait for one.")).toBeInTheDocument(),
    );
    expect(screen.getByLabelText("Verdict")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Review text")).toHaveAccessibleDescription(
      expect.stringContaining("Write your review; a few sentences are enough."),
    );
    expect(action.sent).toHaveLength(0);
  });

  it("saves a draft without a rating", async () => {
    const action = fakeAction(() => ({ ok: true, message: "Draft saved. Only you can see it." }));
    renderForm(action, { ...empty, verdict: "Not sure yet.", body: "Notes for later." });
    fireEvent.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Draft saved. Only you can see it."));
    expect(action.sent).toHaveLength(1);
    expect(screen.getByLabelText("Verdict")).toHaveValue("Not sure yet.");
  });

  it("has no axe violations with errors showing", async () => {
    const { container } = renderForm(fakeAction(() => ({ ok: true, message: "" })));
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));
    await screen.findByText("Choose your rating before publishing. A draft can wait for one.");
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
