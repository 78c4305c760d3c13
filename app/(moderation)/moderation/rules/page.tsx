import type { Metadata } from "next";
import Link from "next/link";
import { HOUSE_RULES, ruleAnchor } from "@/lib/moderation/rules";

export const metadata: Metadata = {
  title: "House rules",
  description: "The rules Marquee's moderators apply to comments and reviews.",
};

/** The house rules moderators cite when they remove a comment or hide a review. */
export default function HouseRulesPage() {
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">House rules</h1>
      <p>
        A moderator who removes a comment or hides a review names the rule it broke, and the{" "}
        <Link href="/moderation/record" className="text-[var(--color-accent)] underline">
          moderation record
        </Link>{" "}
        shows it.
      </p>
      <ol className="space-y-4">
        {HOUSE_RULES.map((rule) => (
          <li key={rule.key} id={ruleAnchor(rule.key)} className="space-y-1">
            <h2 className="font-semibold">{rule.title}</h2>
            <p>{rule.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
