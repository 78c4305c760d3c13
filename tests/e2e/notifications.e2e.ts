import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { describe, expect, it, onTestFinished } from "vitest";
import { expectFitsPhone, expectNoAxeViolations } from "./support/a11y";
import { actAs, newIdentity, signInAs, type OidcIdentity } from "./support/auth";
import { launchBrowser } from "./support/browser";
import { e2e } from "./support/context";
import { query } from "./support/db";
import { freePorts, startAppServer } from "./support/processes";

const commentBy = (page: Page, name: string) => page.getByRole("article", { name: `Comment by ${name}` });

/** `ada` comments on the review at `reviewPath`; then `ben`, in his own browser, replies to her. */
async function replyJourney(
  ada: { page: Page; identity: OidcIdentity },
  ben: { page: Page; identity: OidcIdentity },
  reviewPath: string,
): Promise<void> {
  await ada.page.goto(reviewPath);
  await ada.page.getByRole("textbox", { name: "Your comment" }).fill("The letters are the whole film in miniature.");
  await ada.page.getByRole("button", { name: "Post comment" }).click();
  await commentBy(ada.page, ada.identity.name).waitFor();

  await ben.page.goto(reviewPath);
  await commentBy(ben.page, ada.identity.name)
    .getByRole("button", { name: `Reply to ${ada.identity.name}` })
    .click();
  const replyBox = ben.page.getByRole("textbox", { name: `Reply to ${ada.identity.name}` });
  await replyBox.fill("And the last one is the only one he signs himself.");
  await replyBox.locator("xpath=ancestor::form").getByRole("button", { name: "Post comment" }).click();
  await commentBy(ben.page, ben.identity.name).waitFor();
}

describe("notifications", () => {
  it("tells a member in the header that someone replied, lists it, and marks it read; settings save", async () => {
    const [review] = await query<{ id: number }>(
      `select reviews.id from reviews join films on films.id = reviews.film_id
       join users on users.id = reviews.author_id where films.slug = 'her' and users.handle = 'maya'`,
    );
    const reviewPath = `/reviews/${review!.id}`;
    const ada = { ...(await launchBrowser()), identity: newIdentity("Ada") };
    const ben = { ...(await launchBrowser()), identity: newIdentity("Ben") };
    await signInAs(ada.page, ada.identity, reviewPath);
    await signInAs(ben.page, ben.identity, reviewPath);
    await replyJourney(ada, ben, reviewPath);

    await ada.page.goto("/");
    // The link's text, as a screen reader reads it: the badge's number between words that only it hears.
    const link = ada.page.getByRole("banner").getByRole("link", { name: /^Notifications\b/ });
    await expect.poll(() => link.textContent(), { timeout: 15_000 }).toBe("Notifications, 1 unread");
    await expectNoAxeViolations(ada.page);
    await link.click();
    await ada.page.waitForURL(/\/notifications$/);
    await ada.page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    const notices = ada.page.getByRole("list", { name: "Your notifications" }).getByRole("listitem");
    await expect.poll(() => notices.count()).toBe(1);
    const sentence = `${ben.identity.name} replied to your comment on the review of “Her”`;
    expect(await notices.first().textContent()).toContain(sentence);
    expect(await notices.first().textContent()).toContain("Unread");
    await expectNoAxeViolations(ada.page);
    await expectFitsPhone(ada.page);

    await notices
      .first()
      .getByRole("button", { name: `Mark as read ${sentence}` })
      .click();
    await expect.poll(() => link.textContent(), { timeout: 15_000 }).toBe("Notifications, none unread");
    await expect.poll(() => notices.first().textContent()).not.toContain("Unread");
    expect(await notices.first().getByRole("button").count()).toBe(0);

    // The notice leads to the reply itself.
    const noticeLink = notices.first().getByRole("link", { name: sentence });
    expect(await noticeLink.getAttribute("href")).toMatch(new RegExp(`^${reviewPath}/threads/\\d+#comment-\\d+$`));
    await noticeLink.click();
    await ada.page.waitForURL(new RegExp(`${reviewPath}/threads/\\d+`));
    await commentBy(ada.page, ben.identity.name).waitFor();

    await ada.page.goto("/account/notifications");
    await ada.page.getByRole("heading", { name: "Notification settings" }).waitFor();
    const likes = ada.page.getByRole("group", { name: "Likes of your reviews" });
    await likes.getByLabel("In the app").waitFor();
    await expectNoAxeViolations(ada.page);
    await expectFitsPhone(ada.page);
    await likes.getByLabel("In the app").uncheck();
    await ada.page.getByRole("button", { name: "Save the settings" }).click();
    await expect
      .poll(() => ada.page.getByRole("status").filter({ hasText: "Your notification settings are saved." }).count())
      .toBe(1);
    await ada.page.reload();
    await expect.poll(() => likes.getByLabel("In the app").isChecked()).toBe(false);

    const visitor = await launchBrowser();
    await visitor.page.goto("/notifications");
    await visitor.page.waitForURL(/\/signin\?callbackUrl=\/notifications$/);
  });

  it("sends exactly one e-mail for a reply when the server has SMTP_URL, and its unsubscribe link works", async () => {
    const [smtpPort] = await freePorts(1);
    const messages: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        let raw = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => (raw += chunk));
        stream.on("end", () => {
          messages.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(smtpPort!, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

    const { baseUrl } = await startAppServer(
      (port) => ({
        MARQUEE_SEED: "demo",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_URL: `http://localhost:${port}`,
        AUTH_OIDC_ISSUER: e2e().issuer,
        AUTH_OIDC_ID: e2e().oidcClient.id,
        AUTH_OIDC_SECRET: e2e().oidcClient.secret,
        AUTH_OIDC_NAME: "Local ID",
        MARQUEE_COMMENT_INTERVAL_SECONDS: "0",
        MARQUEE_IP_LIMIT_SCALE: "50",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: "Marquee <notices@marquee.test>",
      }),
      // The first start migrates and seeds the demo data: minutes on a busy machine.
      { readyPath: "/films/her", timeoutMs: 240_000 },
    );
    const filmPage = await (await fetch(`${baseUrl}/films/her`)).text();
    const reviewPath = /href="(\/reviews\/\d+)"/.exec(filmPage)?.[1];
    expect(reviewPath).toBeDefined();

    const browserOn = async (identity: OidcIdentity) => {
      const profile = mkdtempSync(path.join(tmpdir(), "marquee-chromium-"));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: "/usr/bin/chromium",
        headless: true,
        baseURL: baseUrl,
        args: [
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic",
        ],
      });
      context.setDefaultTimeout(15_000);
      onTestFinished(async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await actAs(context, identity);
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(reviewPath!)}`);
      await page.getByRole("main").getByRole("button", { name: "Sign in with Local ID" }).click();
      await page.waitForURL(`${baseUrl}${reviewPath}`);
      return { page, identity };
    };
    const ada = await browserOn(newIdentity("Ada"));
    const ben = await browserOn(newIdentity("Ben"));
    await replyJourney(ada, ben, reviewPath!);

    // The sender looks at the outbox every few seconds; after the first e-mail, no second one comes.
    await expect.poll(() => messages.length, { timeout: 30_000, interval: 500 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(messages).toHaveLength(1);
    const raw = messages[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(raw).toContain(`To: ${ada.identity.email}`);
    expect(raw).toMatch(new RegExp(`^List-Unsubscribe: <${baseUrl}/api/unsubscribe\\?token=[^>]+>`, "m"));
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    const body = messages[0]!.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    const unsubscribe = new RegExp(`${baseUrl}/unsubscribe\\?token=([A-Za-z0-9._%-]+)`).exec(body)?.[0];
    expect(unsubscribe).toBeDefined();
    await ada.page.goto(unsubscribe!);
    await ada.page.getByRole("heading", { name: "Stop e-mail about replies" }).waitFor();
    await ada.page.getByRole("button", { name: "Stop e-mail about replies" }).waitFor();
    await expectNoAxeViolations(ada.page);
    await expectFitsPhone(ada.page);
    await ada.page.getByRole("button", { name: "Stop e-mail about replies" }).click();
    await expect
      .poll(() => ada.page.getByRole("status").filter({ hasText: "you will no longer get e-mail" }).count())
      .toBe(1);
    await ada.page.goto("/account/notifications");
    const replies = ada.page.getByRole("group", { name: "Replies to your comments" });
    await expect.poll(() => replies.getByLabel("By e-mail").isChecked()).toBe(false);
  });
});
