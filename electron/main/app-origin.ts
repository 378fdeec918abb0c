/**
 * The app's own origin. The renderer is served from a privileged custom scheme (see protocol.ts) so that
 * IndexedDB has a stable origin across installs and updates, and so CSP and same-origin rules apply as on the web.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'open-village';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when the URL belongs to the app's origin. Compares scheme and host by hand because WHATWG `URL.origin`
 * is "null" for non-special schemes in Node.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    // Not a URL at all: certainly not ours.
    return false;
  }
}
