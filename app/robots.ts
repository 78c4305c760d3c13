import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/account", "/admin", "/moderation", "/api", "/signin", "/films/*/review"],
    },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
