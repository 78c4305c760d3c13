const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** "18 December 2013", the same on the server and in every reader's browser. */
export function formatDate(date: Date): string {
  return longDate.format(date);
}
