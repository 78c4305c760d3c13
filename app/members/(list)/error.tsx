"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the members" reset={reset} digest={error.digest} />;
}
