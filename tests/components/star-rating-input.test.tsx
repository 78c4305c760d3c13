import { fireEvent, render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { StarRatingInput } from "@/components/ratings/star-rating-input";

function renderGroup(props: Partial<Parameters<typeof StarRatingInput>[0]> = {}) {
  return render(
    <form aria-label="Rate Her">
      <StarRatingInput idPrefix="rating" legend="Your rating of Her" {...props} />
      <button type="submit">Save rating</button>
    </form>,
  );
}

describe("StarRatingInput", () => {
  it("is a group named by its legend with nine radios named by their rating", () => {
    renderGroup();
    const group = screen.getByRole("radiogroup", { name: "Your rating of Her" });
    const radios = within(group).getAllByRole("radio");
    expect(radios.map((r) => r.getAttribute("value"))).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8"]);
    const names = ["0/4", "½/4", "1/4", "1½/4", "2/4", "2½/4", "3/4", "3½/4", "4/4"];
    expect(names.map((name) => within(group).getByRole("radio", { name }))).toEqual(radios);
    expect(screen.getByRole("radio", { name: "3½/4" })).toBeInTheDocument();
  });

  it("can be reached and chosen by keyboard: native radios, one name, none taken out of the tab order", () => {
    renderGroup({ defaultValue: 7 });
    const radios = screen.getAllByRole("radio") as HTMLInputElement[];
    expect(new Set(radios.map((r) => r.name))).toEqual(new Set(["halfStars"]));
    for (const radio of radios) {
      expect(radio.type).toBe("radio");
      expect(radio.tabIndex).toBe(0);
      expect(radio).not.toBeDisabled();
    }
    const checked = screen.getByRole("radio", { name: "3½/4" });
    expect(checked).toBeChecked();
    checked.focus();
    expect(document.activeElement).toBe(checked);
    fireEvent.click(screen.getByText("2½/4"));
    expect(screen.getByRole("radio", { name: "2½/4" })).toBeChecked();
    expect(checked).not.toBeChecked();
  });

  it("is one row of a 0 and eight half stars that show the value under the pointer, then the choice", () => {
    renderGroup({ defaultValue: 4 });
    const halves = document.querySelectorAll(".rating-row .rating-half");
    expect(halves).toHaveLength(8);
    expect([...halves].map((half) => half.getAttribute("data-side"))).toEqual([
      "left",
      "right",
      "left",
      "right",
      "left",
      "right",
      "left",
      "right",
    ]);
    const readout = document.querySelector("[data-rating-readout]");
    expect(readout).toHaveTextContent("2/4");
    const seven = screen.getByRole("radio", { name: "3½/4" }).closest("label")!;
    fireEvent.pointerEnter(seven);
    expect(readout).toHaveTextContent("3½/4");
    fireEvent.pointerLeave(document.querySelector(".rating-row")!);
    expect(readout).toHaveTextContent("2/4");
    fireEvent.click(screen.getByRole("radio", { name: "½/4" }));
    expect(readout).toHaveTextContent("½/4");
    expect(screen.getByRole("radio", { name: "½/4" })).toBeChecked();
  });

  it("links its hint and error to the group and marks it invalid", () => {
    renderGroup({ hint: "You have not rated this film yet.", error: "Choose a rating from 0 to 4." });
    const group = screen.getByRole("radiogroup", { name: "Your rating of Her" });
    expect(group).toHaveAttribute("aria-invalid", "true");
    expect(group).toHaveAccessibleDescription("You have not rated this film yet. Choose a rating from 0 to 4.");
  });

  it("has no axe violations", async () => {
    const { container } = renderGroup({ hint: "Pick one.", error: "Choose a rating from 0 to 4." });
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
