/**
 * The Content-Security-Policy for every page the app serves (set by protocol.ts on each response and by
 * security.ts on the session). Vite emits no inline scripts, so none is allowed. This file imports nothing so
 * that `npm run security` can load it and grade the policy with electronegativity's CSP evaluator.
 */

// An http(s) origin whose host CSP's host-source grammar accepts (letters, digits, hyphens, dot-separated labels)
// and an optional port: nothing that could end the source list (`;`, `,`), add a source (space), quote a keyword
// (`'`) or widen it (`*`, paths). Checked here again, whatever the caller validated, because this string goes
// verbatim into a security header.
const CSP_SAFE_ORIGIN =
  /^https?:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::[1-9][0-9]{0,4})?$/;

/** True when the origin may be written into a CSP source list as is. */
export function isCspSafeOrigin(origin: string): boolean {
  return origin.length <= 300 && CSP_SAFE_ORIGIN.test(origin);
}

export interface CspOptions {
  /** The council server the renderer syncs with (its origin), or null when no server is saved. */
  serverOrigin: string | null;
}

/**
 * Builds the policy: everything from the app itself, and network access (`connect-src`) to the saved council
 * server only. An origin that fails `isCspSafeOrigin` is left out (the page then cannot reach it) rather than
 * written into the header.
 */
export function buildCsp(options: CspOptions): string {
  const origin = options.serverOrigin;
  const connect = origin !== null && isCspSafeOrigin(origin) ? `'self' ${origin}` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${connect}`,
    "object-src 'none'",
    // pdf.js parses attached PDFs in a worker: our own bundled file, never a blob: or data: URL
    // (renderer/features/files/pdf-document.ts). Spelled out although script-src would cover it.
    "worker-src 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy with no server saved (also what `npm run security` grades). */
export const CONTENT_SECURITY_POLICY = buildCsp({ serverOrigin: null });
