import { afterEach } from "vitest";
import { redirectLogs } from "@/lib/log";

/** What the logger wrote while a test ran: the raw text, and each line parsed. */
export interface CapturedLogs {
  text(): string;
  lines(): Record<string, unknown>[];
  /** The parsed lines whose `event` is `event`. */
  events(event: string): Record<string, unknown>[];
  clear(): void;
}

/**
 * Sends the logger's output to memory for every test of the file (and back to
 * standard output after each). Parsing each line is itself the check that
 * every line is JSON: a line that is not fails the test that reads it.
 */
export function captureLogs(): CapturedLogs {
  let text = "";
  let restore: (() => void) | null = null;
  const start = () => {
    restore ??= redirectLogs({
      write(chunk: string) {
        text += chunk;
      },
    });
  };
  start();
  afterEach(() => {
    text = "";
  });
  const lines = () =>
    text
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    text: () => text,
    lines,
    events: (event) => lines().filter((line) => line.event === event),
    clear: () => {
      text = "";
    },
  };
}
