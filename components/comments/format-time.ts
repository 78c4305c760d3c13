const exact = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** "26 November 2026 at 14:52 UTC". */
export function exactTime(date: Date): string {
  return exact.format(date);
}
