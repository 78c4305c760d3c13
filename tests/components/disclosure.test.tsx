import { fireEvent, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Disclosure } from "@/components/ui/disclosure";

function Panel() {
  return (
    <Disclosure label="Report">
      <form aria-label="Report this comment">
        <label htmlFor="note">Note</label>
        <textarea id="note" name="note" />
        <button type="submit">Send report</button>
      </form>
    </Disclosure>
  );
}

describe("Disclosure", () => {
  it("is a <details> in the server's HTML, so it opens before JavaScript loads", () => {
    const html = renderToString(<Panel />);
    expect(html).toMatch(/^<details/);
    expect(html).toContain("<summary");
    expect(html).toContain("Send report");
  });

  it("in the browser is a button that opens its panel, focuses the first field and closes with Escape", () => {
    render(<Panel />);
    const button = screen.getByRole("button", { name: "Report" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    // A closed panel has nothing in it yet.
    expect(screen.queryByRole("form", { name: "Report this comment" })).toBeNull();

    fireEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    const panel = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(panel).toBeVisible();
    expect(screen.getByRole("textbox", { name: "Note" })).toHaveFocus();

    fireEvent.change(screen.getByRole("textbox", { name: "Note" }), { target: { value: "Spam links" } });
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Note" }), { key: "Escape" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(panel).not.toBeVisible();
    expect(button).toHaveFocus();

    // Opened again, what was typed is still there.
    fireEvent.click(button);
    expect(screen.getByRole("textbox", { name: "Note" })).toHaveValue("Spam links");
    fireEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();
  });
});
