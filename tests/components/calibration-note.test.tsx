import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CalibrationNote } from "@/components/ratings/calibration-note";
import { RULE_OPTIONS } from "@/lib/moderation/rules";
import { fakeAction } from "../support/forms";
import { ActionField, ActionForm } from "@/components/ui/action-form";

vi.mock("@/components/viewer/viewer-context", () => ({ useViewerActions: () => ({ refresh: () => {} }) }));

/** 30 ratings: three of 4/4, the rest 3/4. */
const histogram = [0, 0, 0, 0, 0, 0, 27, 0, 3];

describe("CalibrationNote", () => {
  it("links the line to the member's ratings and describes it with its explanation", () => {
    render(<CalibrationNote id="review-9-calibration" halfStars={8} histogram={histogram} handle="maya" />);
    const line = screen.getByRole("link", { name: "4/4 from someone who gives 4/4 to 10% of the films they rate" });
    expect(line.getAttribute("href")).toBe("/members/maya#ratings-heading");
    expect(line).toHaveAccessibleDescription(/3 of their 30 ratings are 4\/4/);
    expect(screen.getByRole("tooltip", { hidden: true }).id).toBe("review-9-calibration-explained");
  });

  it("shows nothing for fewer than 20 ratings or no rating", () => {
    const { container } = render(
      <>
        <CalibrationNote id="a" halfStars={8} histogram={[0, 0, 0, 0, 0, 0, 16, 0, 3]} handle="new" />
        <CalibrationNote id="b" halfStars={null} histogram={histogram} handle="maya" />
      </>,
    );
    expect(container.textContent).toBe("");
  });
});

describe("the Rule broken field", () => {
  it("offers every house rule by its title", () => {
    render(
      <ActionForm action={fakeAction(() => ({ ok: true, message: "" }))} idPrefix="remove-1" label="Remove comment 1">
        <ActionField name="rule" label="Rule broken" as="select" required options={RULE_OPTIONS} />
      </ActionForm>,
    );
    const select = screen.getByRole("combobox", { name: "Rule broken" });
    expect(select).toBeRequired();
    expect(screen.getByRole("option", { name: "Personal attacks" })).toBeTruthy();
    expect(screen.getAllByRole("option")).toHaveLength(RULE_OPTIONS.length + 1);
  });
});
