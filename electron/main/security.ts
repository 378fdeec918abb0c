/**
 * The Electron security baseline (DESIGN.md, "Electron security baseline"; Electron's security checklist).
 * Everything here denies by default; each exception is an explicit, reviewed allow-list entry.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './app-origin';
import type { Logger } from './logger';

/** The Content-Security-Policy for every page the app serves. Vite emits no inline scripts, so none is allowed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Origins whose links open in the system browser (never inside the app). Add an origin only after review:
 * the legal texts starostas cite (Закон «Про звернення громадян») live on zakon.rada.gov.ua.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = ['https://zakon.rada.gov.ua'];

/** Permissions the renderer may use. Empty on purpose: camera, geolocation, notifications… are all denied. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/** webPreferences for every window: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
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
    safeDialogs: true,
    spellcheck: false,
    devTools: !isPackaged,
  };
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
  const onNavigate = (event: { preventDefault(): void }, url: string): void => {
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
  deps.openExternal(url).catch((error: unknown) => deps.log.error('openExternal failed', { error: String(error) }));
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
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** Session-wide guards: permission requests and checks denied by default, CSP on the app's own responses. */
export function hardenSession(session: Session, log: Logger): void {
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
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
