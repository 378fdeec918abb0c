/**
 * The Content-Security-Policy for every page the app serves (set by protocol.ts on each response and by
 * security.ts on the session). Vite emits no inline scripts, so none is allowed. This file imports nothing so
 * that `npm run security` can load the constant and grade it with electronegativity's CSP evaluator.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
