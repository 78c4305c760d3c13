import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

// Evaluated through the DevTools protocol, which the page's content security policy does not
// govern; a <script> tag with axe's code would be an inline script the policy refuses.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules, and best practices) on the page as it
 * is now, in light and dark colour schemes, and fails listing each violation.
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  // After a client-side navigation the new page's metadata (its <title>) streams in
  // after its content; give it a moment, and let axe judge the page it then is.
  // A part rendered for each request streams in behind a loading panel: judge the page it becomes.
  await page
    .waitForFunction(() => document.title !== "" && !document.querySelector("[data-loading-panel]"), undefined, {
      timeout: 5000,
    })
    .catch(() => {});
  const report: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async (exclude: string[]) => {
      const axe = (
        window as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const result = await axe.run(
        { include: [document], exclude: exclude.map((selector) => [selector]) },
        {
          resultTypes: ["violations"],
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        },
      );
      return result.violations;
    }, options.exclude ?? []);
    for (const violation of violations as AxeViolation[]) {
      const targets = violation.nodes.map((n) =>
        `    ${n.target.join(" ")}: ${n.failureSummary ?? ""}`.replace(/\n/g, " "),
      );
      report.push(`[${colorScheme}] ${violation.id} (${violation.impact}): ${violation.help}\n${targets.join("\n")}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  expect(report, `axe found problems on ${page.url()}:\n${report.join("\n")}`).toEqual([]);
  await expectFitsPhone(page);
}

/** The narrowest phone the site is laid out for. */
export const PHONE_WIDTH = 390;

/**
 * The page as it is now, at a 390 px phone's width, scrolls no wider than the
 * phone: no long word, table or row of controls pushes it sideways. The
 * viewport is put back afterwards.
 */
export async function expectFitsPhone(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: PHONE_WIDTH, height: viewport?.height ?? 844 });
  try {
    await expectFitsViewport(page);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/** The page at its current viewport scrolls no wider than the viewport, naming what sticks out if it does. */
export async function expectFitsViewport(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`);
    return { width, culprits, viewport: window.innerWidth };
  });
  expect(
    wide.width,
    `${page.url()} is ${wide.width} px wide in a ${wide.viewport} px viewport: ${wide.culprits.join(", ")}`,
  ).toBeLessThanOrEqual(wide.viewport);
}
