import { describe, expect, it } from "vitest";
import { appUrl } from "./support/context";
import { query } from "./support/db";

/** The content of `<meta property|name="key">` in a page. */
function meta(html: string, key: string): string | null {
  const tag = html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`));
  return tag ? tag[1]!.replaceAll("&amp;", "&") : null;
}

async function expectPng1200x630(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
  const bytes = new Uint8Array(await response.arrayBuffer());
  const view = new DataView(bytes.buffer);
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  expect({ width: view.getUint32(16), height: view.getUint32(20) }).toEqual({ width: 1200, height: 630 });
}

describe("Open Graph images in the page metadata", () => {
  it("names a film page's card and a large Twitter card", async () => {
    const html = await (await fetch(appUrl("/films/her"))).text();
    const image = meta(html, "og:image");
    expect(image).toMatch(/\/films\/her\/opengraph-image/);
    expect(meta(html, "og:image:width")).toBe("1200");
    expect(meta(html, "twitter:card")).toBe("summary_large_image");
    await expectPng1200x630(appUrl(new URL(image!).pathname + new URL(image!).search));
  });

  it("names a published review's card", async () => {
    const [review] = await query<{ id: number }>(
      `select id from reviews where status = 'published' order by id limit 1`,
    );
    const html = await (await fetch(appUrl(`/reviews/${review!.id}`))).text();
    const image = meta(html, "og:image");
    expect(image).toMatch(new RegExp(`/reviews/${review!.id}/opengraph-image`));
    expect(meta(html, "twitter:card")).toBe("summary_large_image");
    await expectPng1200x630(appUrl(new URL(image!).pathname + new URL(image!).search));
  });
});
