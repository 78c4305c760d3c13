"use client";

import { usePathname } from "next/navigation";
import { createContext, Suspense, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { viewerUrl, type ViewerPayload } from "@/lib/viewer/schema";

interface ViewerState {
  /** Null until the payload for this page has arrived. */
  viewer: ViewerPayload | null;
  /** Asks again, after something the reader did may have changed it. */
  refresh: () => void;
  /** What the reader sees at once after signing out, before the server has answered. */
  signOut: () => void;
  /** A poster grid names the films it shows (a comma-separated id list, "" for none); the payload then says which are on the watchlist. */
  showFilms: (films: string) => void;
}

/** How often, and how far apart, the payload is asked for again while the server answers 503. */
const VIEWER_RETRIES = 5;
const VIEWER_RETRY_MS = 2_000;

const ViewerContext = createContext<ViewerState>({
  viewer: null,
  refresh: () => {},
  signOut: () => {},
  showFilms: () => {},
});

/**
 * Fetches who is reading (app/api/viewer) once per page, beside a page that
 * is the same for everyone, and hands it to the page's per-reader parts.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ path: string; version: number; payload: ViewerPayload } | null>(null);
  const [version, setVersion] = useState(0);
  // The film ids of the page's poster grid, "1,2,3": set by ViewerFilms in the same commit as the path.
  const [films, setFilms] = useState("");

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = (attempt: number) => {
      fetch(viewerUrl(path, films ? films.split(",").map(Number) : undefined), {
        cache: "no-store",
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then((response) => {
          // 503: the server could not read the session just now. Ask again shortly rather than
          // show a member the page as a visitor sees it.
          if (response.status === 503 && attempt < VIEWER_RETRIES) {
            retry = setTimeout(() => ask(attempt + 1), VIEWER_RETRY_MS);
            return null;
          }
          return response.ok ? (response.json() as Promise<ViewerPayload>) : null;
        })
        .then((payload) => {
          if (payload) setLoaded({ path, version, payload });
        })
        // A failed or aborted fetch leaves the per-reader parts unshown; the next page asks again.
        .catch(() => {});
    };
    ask(0);
    return () => {
      controller.abort();
      clearTimeout(retry);
    };
  }, [path, version, films]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const signOut = useCallback(() => setLoaded((current) => current && { ...current, payload: { member: null } }), []);
  const viewer = loaded && loaded.path === path ? loaded.payload : null;
  const value = useMemo(() => ({ viewer, refresh, signOut, showFilms: setFilms }), [viewer, refresh, signOut]);
  return (
    <ViewerContext value={value}>
      {/* The path is only known in the browser on pages whose address is not prerendered. */}
      <Suspense fallback={null}>
        <PathWatcher onPath={setPath} />
      </Suspense>
      {children}
    </ViewerContext>
  );
}

function PathWatcher({ onPath }: { onPath: (path: string) => void }) {
  const path = usePathname();
  useEffect(() => onPath(path), [path, onPath]);
  return null;
}

/** The reader of this page, or null while it is being fetched. */
export function useViewer(): ViewerPayload | null {
  return useContext(ViewerContext).viewer;
}

/**
 * Tells the viewer payload which films a poster grid shows (ids, at most a
 * page of them), so the payload says which are on the member's watchlist.
 * Renders nothing.
 */
export function ViewerFilms({ ids }: { ids: readonly number[] }) {
  const { showFilms } = useContext(ViewerContext);
  const key = ids.join(",");
  useEffect(() => {
    showFilms(key);
    return () => showFilms("");
  }, [key, showFilms]);
  return null;
}

export function useViewerActions(): Pick<ViewerState, "refresh" | "signOut"> {
  const { refresh, signOut } = useContext(ViewerContext);
  return { refresh, signOut };
}
