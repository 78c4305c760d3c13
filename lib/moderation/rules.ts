/**
 * The house rules a moderator cites when removing a comment or hiding a
 * review. The list is fixed in code: the forms offer it, the server accepts
 * nothing else, and the public record (/moderation/record) counts by it.
 * No server imports: the moderators' forms and the public pages share it.
 */
export const HOUSE_RULES = [
  {
    key: "personal-attack",
    title: "Personal attacks",
    text: "Argue with the review, not with the person who wrote it: insults, slurs and name-calling are removed.",
  },
  {
    key: "harassment",
    title: "Harassment",
    text: "Following a member from thread to thread, threatening them or publishing their private details is not allowed.",
  },
  {
    key: "unmarked-spoiler",
    title: "Spoilers without a mark",
    text: "Plot twists and endings go inside a spoiler mark (||like this||) or in a review flagged as containing spoilers.",
  },
  {
    key: "spam",
    title: "Spam",
    text: "Advertising, link farms, repeated copies of the same text and posts written by machines to sell something are removed.",
  },
  {
    key: "off-topic",
    title: "Off-topic",
    text: "Comments stay about the film, the review or the conversation under it; unrelated arguments belong elsewhere.",
  },
  {
    key: "hate",
    title: "Hateful content",
    text: "Attacking people for who they are (their race, religion, gender, sexuality, disability or origin) is never allowed.",
  },
  {
    key: "illegal",
    title: "Unlawful content",
    text: "Posts that break the law, such as pirated copies of films or links to them, are removed.",
  },
] as const;

export type HouseRule = (typeof HOUSE_RULES)[number];
export type RuleKey = HouseRule["key"];

export const RULE_KEYS = HOUSE_RULES.map((rule) => rule.key) as [RuleKey, ...RuleKey[]];

/** The rules as a select's options. */
export const RULE_OPTIONS: readonly { value: string; label: string }[] = HOUSE_RULES.map((rule) => ({
  value: rule.key,
  label: rule.title,
}));

/** The rule with this key, or null for a key that is not (or no longer) on the list. */
export function houseRule(key: string | null | undefined): HouseRule | null {
  return HOUSE_RULES.find((rule) => rule.key === key) ?? null;
}

/** The anchor of a rule on /moderation/rules. */
export function ruleAnchor(key: string): string {
  return `rule-${key}`;
}
