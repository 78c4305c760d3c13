import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import { REPORT_REASONS } from "@/lib/comments/rules";
import { fakeAction } from "../support/forms";

vi.mock("@/components/viewer/viewer-context", () => ({ useViewerActions: () => ({ refresh: () => {} }) }));

afterEach(() => vi.restoreAllMocks());

function ReportForm({ action }: { action: ReturnType<typeof fakeAction> }) {
  return (
    <ActionForm action={action} idPrefix="report-7" label="Report this comment">
      <input type="hidden" name="commentId" value={7} />
      <ActionField name="reason" label="What is wrong?" as="select" required options={REPORT_REASONS} />
      <ActionField name="note" label="Note for the moderators" as="textarea" maxLength={500} rows={2} />
      <ActionField name="until" label="Last day" type="date" />
      <SubmitButton>Send report</SubmitButton>
    </ActionForm>
  );
}

describe("ActionForm and ActionField", () => {
  it("say a field's error once, next to that field, and keep what was typed", async () => {
    const errors = vi.spyOn(console, "error");
    const action = fakeAction((form) => ({
      ok: false,
      message: "Say what is wrong in the note.",
      fieldErrors: { note: ["Say what is wrong in the note."] },
      values: { reason: String(form.get("reason")), note: String(form.get("note")) },
    }));
    render(<ReportForm action={action} />);
    fireEvent.change(screen.getByLabelText("What is wrong?"), { target: { value: "other" } });
    fireEvent.change(screen.getByLabelText("Note for the moderators"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));

    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Say what is wrong in the note."));
    expect(screen.getAllByText("Say what is wrong in the note.")).toHaveLength(1);
    const note = screen.getByLabelText("Note for the moderators");
    expect(note).toHaveAttribute("aria-invalid", "true");
    expect(note).toHaveAccessibleDescription("Say what is wrong in the note.");
    expect(note).toHaveValue("x");
    expect(screen.getByLabelText("What is wrong?")).toHaveValue("other");
    // No React warning (a list child without a key, say) on the way.
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
  });

  it("says a message about no field once, in the form's status line", async () => {
    const action = fakeAction(() => ({
      ok: false,
      message: "You reported this comment already.",
      fieldErrors: {},
      values: {},
    }));
    render(<ReportForm action={action} />);
    fireEvent.change(screen.getByLabelText("What is wrong?"), { target: { value: "spam" } });
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("You reported this comment already."));
    expect(screen.getAllByText("You reported this comment already.")).toHaveLength(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
