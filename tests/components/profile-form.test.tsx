import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Profile } from "@/lib/account/profile-schema";
import { fakeAction } from "../support/forms";
import { ProfileForm } from "@/components/account/profile-form";

const initial = { name: "Maya Okafor", handle: "maya" };

describe("the account profile form", () => {
  it("shows the server's 'handle is taken' next to the handle field", async () => {
    const action = fakeAction<Profile>((formData) => ({
      ok: false,
      message: "Please fix the highlighted fields.",
      fieldErrors: { handle: ["That handle is taken"] },
      values: { name: String(formData.get("name")), handle: String(formData.get("handle")) },
    }));
    render(<ProfileForm action={action} initial={initial} />);

    fireEvent.change(screen.getByLabelText("Handle"), { target: { value: "jonas" } });
    fireEvent.click(screen.getByRole("button", { name: "Save profile" }));

    const handle = screen.getByLabelText("Handle");
    await waitFor(() => expect(handle).toHaveAttribute("aria-invalid", "true"));
    expect(handle).toHaveAccessibleDescription(expect.stringContaining("That handle is taken"));
    expect(handle).toHaveValue("jonas");
    expect(screen.getByLabelText("Display name")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("status")).toHaveTextContent("Please fix the highlighted fields.");
    const sent = action.sent[0]!;
    expect(Object.fromEntries(sent)).toEqual({ name: "Maya Okafor", handle: "jonas" });
  });

  it("checks the handle in the browser before sending anything", async () => {
    const action = fakeAction<Profile>(() => ({ ok: true, message: "Your profile is saved." }));
    render(<ProfileForm action={action} initial={initial} />);

    fireEvent.change(screen.getByLabelText("Handle"), { target: { value: "no spaces" } });
    fireEvent.click(screen.getByRole("button", { name: "Save profile" }));

    const handle = screen.getByLabelText("Handle");
    await waitFor(() =>
      expect(handle).toHaveAccessibleDescription(
        expect.stringContaining("Use only letters, digits, dashes and underscores."),
      ),
    );
    expect(handle).toHaveAttribute("aria-invalid", "true");
    expect(action.sent).toHaveLength(0);
  });

  it("says so when the profile is saved", async () => {
    const action = fakeAction<Profile>(() => ({
      ok: true,
      message: "Your profile is saved.",
      data: { name: "Maya O.", handle: "maya-o" },
    }));
    render(<ProfileForm action={action} initial={initial} />);
    fireEvent.change(screen.getByLabelText("Display name"), { target: { value: "Maya O." } });
    fireEvent.change(screen.getByLabelText("Handle"), { target: { value: "Maya-O" } });
    fireEvent.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Your profile is saved."));
    // The form shows the saved, normalised handle.
    await waitFor(() => expect(screen.getByLabelText("Handle")).toHaveValue("maya-o"));
  });
});
