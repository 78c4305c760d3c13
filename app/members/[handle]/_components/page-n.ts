import { notFound } from "next/navigation";
import { parsePage } from "@/lib/params";
import { PLACEHOLDER_HANDLE } from "./member-article";

/** The params of a member's paged tab: `/members/<handle>/<tab>/<page>`. */
export type PageNParams = Promise<{ handle: string; page: string }>;

/** The one address the build renders for a paged tab, so the shell is prebuilt; every real one renders on request. */
export function pageNStaticParams() {
  return [{ handle: PLACEHOLDER_HANDLE, page: "2" }];
}

/** The handle and page number of a paged tab; a page that is not a plain number is not found. */
export async function pageNOf(params: PageNParams): Promise<{ handle: string; page: number }> {
  const { handle, page } = await params;
  if (!/^[1-9]\d{0,5}$/.test(page)) notFound();
  return { handle, page: parsePage(page) };
}
