/**
 * Serves dist/renderer through `app://open-village/`. A privileged standard scheme gives the renderer a stable
 * origin (IndexedDB survives updates and install folder changes, unlike file://) and lets CSP and CORS apply.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { err, ok, type Result } from '../../shared/lib/result';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import type { Logger } from './logger';

/** Privileges for the app scheme; must be registered before the `ready` event. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;

/** Registers the app scheme as privileged. Call once, before `app.whenReady()`. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app:// URL to a file inside rootDir, refusing anything that could escape it: `..` segments
 * (also percent-encoded, e.g. `..%2f`), backslashes (Windows separators), NUL bytes, other hosts, malformed escapes.
 */
export function resolveAppPath(rootDir: string, url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err({ code: 'protocol/bad-url', message: 'not a URL' });
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return err({ code: 'protocol/wrong-origin', message: 'not the app origin' });
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return err({ code: 'protocol/bad-url', message: 'malformed percent-encoding' });
  }
  return resolveRendererFile(rootDir, pathname);
}

/**
 * Maps an already-decoded URL path to a file inside rootDir. Refuses `..`/`.` segments, backslashes and NUL
 * bytes itself rather than trusting the URL parser to have collapsed dot segments (it does for standard schemes,
 * but this check must hold whatever the scheme registration becomes).
 */
export function resolveRendererFile(rootDir: string, pathname: string): Result<string> {
  const segments = pathname.split('/').filter((s) => s !== '');
  if (pathname.includes('\0') || pathname.includes('\\') || segments.some((s) => s === '..' || s === '.')) {
    return err({ code: 'protocol/traversal', message: 'path escapes the renderer folder' });
  }
  const root = resolve(rootDir);
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  const rel = relative(root, file);
  // Second line of defence: whatever the checks above missed, the resolved file must sit inside root.
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return err({ code: 'protocol/traversal', message: 'path escapes the renderer folder' });
  }
  return ok(file);
}

/** Security headers on every app:// response; CSP is also added by the session (security.ts) as a second layer. */
function responseHeaders(file: string, policy: string): Record<string, string> {
  return {
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

export type ReadFileFn = (file: string) => Promise<Uint8Array>;

export interface AppProtocolOptions {
  read?: ReadFileFn;
  /** The CSP for each response (it follows the saved server); the strict default when omitted. */
  policy?: () => string;
}

/** Builds the request handler for `protocol.handle(APP_SCHEME, …)`. */
export function createAppProtocolHandler(
  rootDir: string,
  log: Logger,
  options: AppProtocolOptions = {},
): (request: Request) => Promise<Response> {
  const read = options.read ?? readFile;
  const policy = options.policy ?? (() => CONTENT_SECURITY_POLICY);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405 });
    }
    const resolved = resolveAppPath(rootDir, request.url);
    if (!resolved.ok) {
      log.warn('app protocol refused', { code: resolved.error.code });
      return new Response(null, { status: resolved.error.code === 'protocol/traversal' ? 403 : 400 });
    }
    try {
      const body = await read(resolved.value);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: responseHeaders(resolved.value, policy()),
      });
    } catch {
      // Missing asset: a plain 404 (hash routing means the app never needs an index.html fallback).
      return new Response(null, { status: 404 });
    }
  };
}

/** Serves rootDir on the app scheme. Call after `app.whenReady()`. */
export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rootDir: string,
  log: Logger,
  policy: () => string = () => CONTENT_SECURITY_POLICY,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, log, { policy }));
}
