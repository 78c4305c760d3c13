import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect, onTestFinished } from "vitest";
import { e2e } from "./context";

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every content security policy violation seen so far; the test fails at its end unless this is empty. */
  cspViolations: string[];
  close(): Promise<void>;
}

/**
 * Debian's Chromium on a fresh profile, with `baseURL` set to the app (so
 * `page.goto("/signin")` works). Closed and its profile removed when the
 * calling test finishes.
 */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "marquee-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    baseURL: e2e().baseUrl,
    viewport: { width: 1280, height: 900 },
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  context.setDefaultTimeout(15_000);
  const cspViolations = await watchContentSecurityPolicy(context);
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  onTestFinished(close);
  return { context, page, cspViolations, close };
}

/**
 * Fails the calling test on any content security policy violation in any
 * page of `context`: the browser's `securitypolicyviolation` events (listened
 * for before any page script runs) and its "Content Security Policy" console
 * errors (and Permissions-Policy header errors), each listed with the page
 * it happened on.
 */
async function watchContentSecurityPolicy(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("__reportCspViolation", ({ page }, report: string) => {
    violations.push(`${page.url()}: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (report: string) => Promise<void> })
        .__reportCspViolation;
      const sample = event.sample ? ` "${event.sample}"` : "";
      void report?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}${sample}`);
    });
  });
  const watchConsole = (page: Page) =>
    page.on("console", (message) => {
      // A Permissions-Policy the browser cannot parse is reported the same way: a header to fix.
      if (/content security policy|permissions-policy header/i.test(message.text())) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
  context.pages().forEach(watchConsole);
  context.on("page", watchConsole);
  onTestFinished(() => {
    expect(violations, `Content security policy violations:\n${violations.join("\n")}`).toEqual([]);
  });
  return violations;
}

/** A full-page screenshot in test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve("test-results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Opens `path` and expects the site's 404 page. A page rendered for each
 * request can only say so after its frame went out with status 200, so the
 * check is what the reader and a crawler see: the "Page not found" heading
 * and a noindex robots tag.
 */
export async function expectNotFoundPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect([200, 404]).toContain(response?.status());
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
  expect(await page.locator('meta[name="robots"]').first().getAttribute("content")).toContain("noindex");
}
