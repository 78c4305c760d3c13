// No "server-only" here: the mail sender (started from instrumentation) may import it.
import { siteUrl } from "@/lib/site";
import { unsubscribeToken } from "./unsubscribe-token";

/** The longest piece of a reply quoted in the e-mail; the rest is on the site. */
const QUOTE_MAX = 1_000;

/**
 * The e-mail that tells a member someone replied to their comment: plain
 * text, the reply quoted, a link to it, and a one-click unsubscribe (RFC 8058)
 * in the headers and as a link in the body.
 */
export function replyMail(reply: { recipientId: string; actorName: string; body: string; link: string }): {
  subject: string;
  text: string;
  headers: Record<string, string>;
} {
  const token = encodeURIComponent(unsubscribeToken(reply.recipientId));
  const site = siteUrl();
  const quoted = reply.body.length > QUOTE_MAX ? `${reply.body.slice(0, QUOTE_MAX)}…` : reply.body;
  const name = reply.actorName.replace(/[\r\n]+/g, " ").slice(0, 80);
  return {
    subject: `${name} replied to your comment on Marquee`,
    text: [
      `${name} replied to your comment:`,
      "",
      ...quoted.split("\n").map((line) => `> ${line}`),
      "",
      `Read the conversation and answer: ${reply.link}`,
      "",
      "You get this e-mail because you have e-mail on for replies to your comments.",
      `Stop these e-mails: ${site}/unsubscribe?token=${token}`,
      `Change what you are told, and how: ${site}/account/notifications`,
    ].join("\n"),
    headers: {
      "List-Unsubscribe": `<${site}/api/unsubscribe?token=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
