import Link from "next/link";

/** The member pages, in the order the tabs show them; `path` is below `/members/<handle>`. Each feature adds its own. */
const TABS = [
  { key: "profile", label: "Profile", path: "" },
  { key: "diary", label: "Diary", path: "/diary" },
  { key: "watchlist", label: "Watchlist", path: "/watchlist" },
  { key: "lists", label: "Lists", path: "/lists" },
  { key: "activity", label: "Activity", path: "/activity" },
] as const;

export type MemberTab = (typeof TABS)[number]["key"];

/** The tabs above every member page: plain links, so each page is its own cacheable address. */
export function MemberTabs({ handle, current }: { handle: string; current: MemberTab }) {
  return (
    <nav aria-label="Member pages" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 border-b border-[var(--color-line)] text-sm">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={`/members/${handle}${tab.path}`}
              aria-current={tab.key === current ? "page" : undefined}
              className={
                tab.key === current
                  ? "block border-b-2 border-[var(--color-accent)] px-3 py-2 font-semibold"
                  : "block border-b-2 border-transparent px-3 py-2 text-[var(--color-muted)] hover:text-[var(--color-ink)]"
              }
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
