import type { Metadata } from "next";
import { RecordView } from "./_components/record-view";

export const metadata: Metadata = {
  title: "Moderation record",
  description: "What Marquee's moderators removed or hid, when, and under which house rule.",
};

/** The first page of the public moderation record. */
export default function ModerationRecordPage() {
  return <RecordView page={1} />;
}
