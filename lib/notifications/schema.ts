import { z } from "zod";
import { idField } from "@/lib/params";

/**
 * The notification forms and the words the pages use, shared by the browser
 * and the server actions. No server imports here.
 */

export const NOTIFICATION_KINDS = ["reply", "review_comment", "review_like", "follow", "moderation"] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** Notices on one page of /notifications. */
export const NOTIFICATIONS_PAGE_SIZE = 25;

/** How each kind is named on the settings page. */
export const KIND_LABELS: Record<NotificationKindName, string> = {
  reply: "Replies to your comments",
  review_comment: "Comments on your reviews",
  review_like: "Likes of your reviews",
  follow: "New followers",
  moderation: "Moderators' decisions about your posts and account",
};

/** A kind's setting when the member has not chosen: in the app for all, by e-mail for replies only. */
export function defaultSetting(kind: NotificationKindName): { inApp: boolean; email: boolean } {
  return { inApp: true, email: kind === "reply" };
}

export const markReadSchema = z.object({
  notificationId: idField("That notification does not exist."),
});

/** Nothing to fill in: "Mark all as read" is a button. */
export const markAllReadSchema = z.object({});

/** A checkbox: "on" when ticked, absent when not; already a boolean when the write parses it again. */
const box = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? false : value === "on" ? true : value),
  z.boolean({ error: "Tick the box or leave it empty." }),
);

/** The settings form: one box per kind and channel, named `<kind>.inApp` and `<kind>.email`. */
export const notificationSettingsSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_KINDS.flatMap((kind) => [[`${kind}.inApp`, box] as const, [`${kind}.email`, box] as const]),
  ) as Record<`${NotificationKindName}.${"inApp" | "email"}`, typeof box>,
);
export type NotificationSettingsOutput = z.output<typeof notificationSettingsSchema>;

export const unsubscribeSchema = z.object({
  token: z
    .string({ error: "This unsubscribe link is incomplete; use the link from the e-mail." })
    .min(1, "This unsubscribe link is incomplete; use the link from the e-mail.")
    .max(500, "This unsubscribe link is not one Marquee sent."),
});
