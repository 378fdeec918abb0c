/**
 * The few page facilities the data layer needs, typed so that the same code also runs (and type-checks) in Node
 * tests, where they are absent or stubbed: the tab's session storage, a page reload, and the browser's `online` event.
 */
interface PageGlobals {
  sessionStorage?: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  location?: { reload(): void };
  addEventListener?: (type: 'online', listener: () => void) => void;
}

const page = globalThis as unknown as PageGlobals;

/** Reads a value kept for this tab only (gone when the window closes). */
export function sessionValue(key: string): string | null {
  return page.sessionStorage?.getItem(key) ?? null;
}

/** Keeps (or, with null, forgets) a value for this tab only. */
export function setSessionValue(key: string, value: string | null): void {
  if (value === null) page.sessionStorage?.removeItem(key);
  else page.sessionStorage?.setItem(key, value);
}

/** Reloads the page. */
export function reloadPage(): void {
  page.location?.reload();
}

/** Calls back whenever the browser says the network is back. */
export function onOnline(listener: () => void): void {
  page.addEventListener?.('online', listener);
}
