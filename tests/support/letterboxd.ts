import { strToU8, zipSync } from "fflate";

/** A CSV file's text from a header and rows, quoted as Letterboxd quotes them. */
export function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

export const LB = "https://boxd.it/";

/**
 * A small Letterboxd export written for the tests: "Her" (2013) rated 5★ and
 * reviewed, "Amélie" written without its accent, "Solaris" a year off the
 * catalogue, two viewings of "Her", a film the catalogue lacks, and a
 * watchlist.
 */
export function sampleExport(): Record<string, string> {
  return {
    "ratings.csv": csv(
      ["Date", "Name", "Year", "Letterboxd URI", "Rating"],
      [
        ["2024-01-05", "Her", 2013, `${LB}her`, "5"],
        ["2024-01-06", "Amelie", 2001, `${LB}amelie`, "2.5"],
        ["2024-01-07", "Solaris", 1972, `${LB}solaris`, "0.5"],
        ["2024-01-08", "A Film Nobody Catalogued", 1999, `${LB}nobody`, "3.5"],
      ],
    ),
    "reviews.csv": csv(
      ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date"],
      [
        ["2024-01-05", "Her", 2013, `${LB}her-r1`, "5", "", "Older thoughts.", "", "2023-12-01"],
        [
          "2024-01-06",
          "Her",
          2013,
          `${LB}her-r2`,
          "5",
          "Yes",
          'A <i>tender</i> film about listening. It stays with you, "like a song".<br><br>Second paragraph.',
          "romance, sci-fi",
          "2024-01-04",
        ],
      ],
    ),
    "diary.csv": csv(
      ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"],
      [
        ["2023-12-01", "Her", 2013, `${LB}her-d1`, "4.5", "", "", "2023-12-01"],
        ["2024-01-04", "Her", 2013, `${LB}her-d2`, "5", "Yes", "romance, sci-fi", "2024-01-04"],
      ],
    ),
    "watched.csv": csv(
      ["Date", "Name", "Year", "Letterboxd URI"],
      [
        ["2024-01-05", "Her", 2013, `${LB}her`],
        ["2024-01-06", "Amelie", 2001, `${LB}amelie`],
      ],
    ),
    "watchlist.csv": csv(["Date", "Name", "Year", "Letterboxd URI"], [["2024-02-01", "Stalker", 1979, `${LB}stalker`]]),
  };
}

/** The export as Letterboxd sends it: a ZIP with the CSVs at the top and a few folders beside them. */
export function sampleZip(files = sampleExport()): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  entries["profile.csv"] = strToU8("Date Joined,Username\n2020-01-01,someone\n");
  entries["deleted/ratings.csv"] = strToU8(csvOfWrongShape());
  return zipSync(entries);
}

function csvOfWrongShape(): string {
  return "Something,Else\n1,2\n";
}

export function fileOf(name: string, content: string | Uint8Array, type = "text/csv"): File {
  return new File([content as BlobPart], name, { type });
}
