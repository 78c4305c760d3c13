"use client";

import { useEffect } from "react";
import { useViewer } from "@/components/viewer/viewer-context";

const TOGGLES = "[data-spoiler] > .spoiler-toggle";

function openAll(root: ParentNode): void {
  for (const toggle of root.querySelectorAll<HTMLInputElement>(TOGGLES)) toggle.checked = true;
}

/**
 * The spoiler marks' two per-reader touches, on a review page (its body and
 * comments), which is the same for everyone. A reader who has rated or logged the film of the page (the
 * viewer payload's `seen`) gets every spoiler open, those that stream in
 * later too; everyone else opens each one with a click, Space (the
 * checkbox's own key, with or without JavaScript) or, from here, Enter.
 */
export function SpoilerOpener() {
  const viewer = useViewer();
  const seen = viewer?.review?.seen ?? viewer?.film?.seen ?? false;

  useEffect(() => {
    if (!seen) return;
    openAll(document);
    const observer = new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) if (node instanceof Element) openAll(node);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [seen]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target;
      if (event.key !== "Enter" || !(target instanceof HTMLInputElement) || !target.matches(TOGGLES)) return;
      event.preventDefault();
      target.click();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return null;
}
