import { Suspense, type ReactNode } from "react";
import { LoadingPanel } from "./loading-panel";

/**
 * The part of a page that is rendered for each request because it depends
 * on who asks (an account, a moderation queue): the page around it is
 * prerendered, and this streams in behind a loading placeholder.
 */
export function PerRequest({ what, children }: { what: string; children: ReactNode }) {
  return <Suspense fallback={<LoadingPanel what={what} />}>{children}</Suspense>;
}
