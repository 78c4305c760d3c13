import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      // The public moderation record and its rules are for everyone, search engines too; the rest of
      // /moderation, and every page that only a signed-in member sees, is not worth a crawler's visit.
      allow: ["/", "/moderation/record", "/moderation/rules"],
      disallow: [
        "/account",
        "/admin",
        "/moderation",
        "/api",
        "/signin",
        "/films/*/review",
        "/films/*/log",
        "/notifications",
        "/activity",
        "/unsubscribe",
      ],
    },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
