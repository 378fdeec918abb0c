/**
 * The Electron security baseline (docs/architecture.md, "Electron security baseline"; Electron's security checklist).
 * Everything here denies by default; each exception is an explicit, reviewed allow-list entry.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import type { Logger } from './logger';

export { buildCsp, CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * Origins whose links open in the system browser (never inside the app). Add an origin only after review:
 * the legal texts starostas cite (Закон «Про звернення громадян») live on zakon.rada.gov.ua.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = ['https://zakon.rada.gov.ua'];

/** Permissions the renderer may use. Empty on purpose: camera, geolocation, notifications… are all denied. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export interface SecureWindowOptions {
  preloadPath: string;
  isPackaged: boolean;
}

/**
 * The only way the app creates a window: isolated, sandboxed, no Node, web security on, no webview, devtools only
 * in development. The webPreferences literal sits in the `new BrowserWindow` call on purpose, so electronegativity's
 * static checks can see it (they do not follow function calls).
 */
export function createSecureBrowserWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  secure: SecureWindowOptions,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: secure.preloadPath, // eng-disable PRELOAD_JS_CHECK: reviewed, electron/preload exposes only the typed contract
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: !secure.isPackaged,
    },
  });
}

/** True when a link may be opened in the system browser: https and an allow-listed origin. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && EXTERNAL_LINK_ALLOW_LIST.includes(parsed.origin);
  } catch {
    // Unparsable URLs are never opened.
    return false;
  }
}

export interface WebContentsGuardDeps {
  openExternal(url: string): Promise<void>;
  log: Logger;
}

/**
 * Denies navigation away from the app origin, every new window and every <webview>. Allow-listed https
 * links are handed to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, deps: WebContentsGuardDeps): void {
  // Electron passes the target both as event.url (current API) and as the deprecated second argument.
  const onNavigate = (event: { preventDefault(): void; url?: string }, legacyUrl: string): void => {
    const url = event.url ?? legacyUrl;
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternallyIfAllowed(url, deps);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log.warn('webview attach denied');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternallyIfAllowed(url, deps);
    return { action: 'deny' };
  });
}

function openExternallyIfAllowed(url: string, deps: WebContentsGuardDeps): void {
  if (!isAllowedExternalUrl(url)) {
    deps.log.warn('navigation denied', { scheme: safeScheme(url) });
    return;
  }
  // Only https URLs on EXTERNAL_LINK_ALLOW_LIST get here (checked just above).
  const opening = deps.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: allow-listed https only
  opening.catch((error: unknown) => deps.log.error('openExternal failed', { error: String(error) }));
}

// Logs only the scheme: full URLs could carry residents' names in a query string.
function safeScheme(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    // Not a URL; say so without echoing it.
    return 'invalid';
  }
}

type ResponseHeaders = Record<string, string | string[]>;

/** Returns the response headers with our CSP replacing any CSP the response carried. */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/**
 * Session-wide guards: permission requests and checks denied by default, CSP on the app's own responses.
 * `policy` is asked on every response, so a change of the saved server applies from the next page load.
 */
export function hardenSession(session: Session, log: Logger, policy: () => string = () => CONTENT_SECURITY_POLICY): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = ALLOWED_PERMISSIONS.has(permission);
    if (!allowed) log.warn('permission request denied', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy()) });
  });
}
