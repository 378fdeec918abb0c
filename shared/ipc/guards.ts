/**
 * Payload guards for every invoke channel. Main runs them on every call because the renderer is
 * untrusted: a compromised page can send anything through a channel name it knows.
 * Pure functions, no Electron import, so they are unit-tested directly and reusable by the renderer.
 */
import { LANGUAGES, type Language } from '../lib/i18n-text';
import { err, ok, type Result } from '../lib/result';
import {
  CREDENTIALS_LIMITS,
  type InvokeArgs,
  type InvokeChannel,
  IPC_ERROR_CODES,
  KEYRING_LIMITS,
  MENU_COMMANDS,
  type MenuCommand,
  PRINT_LIMITS,
  type SavePdfRequest,
  type ServerCredentials,
} from './contract';
import { safeFileName } from './file-name';

/** Validates the raw argument list of one channel and returns it typed. */
export type ArgsGuard<C extends InvokeChannel> = (args: readonly unknown[]) => Result<InvokeArgs<C>>;

/** True when the value is one of the supported UI languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** True when the value is one of the menu commands. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

function invalid(message: string): Result<never> {
  return err({ code: IPC_ERROR_CODES.invalidPayload, message });
}

// Host names as CSP's host-source grammar accepts them (letters, digits, hyphens; dot-separated labels), after
// the URL parser lowercased and punycoded them. Rejects `*`, `_`, `;`, quotes and IPv6 literals (CSP has no syntax
// for those), so the origin can go into `connect-src` as is.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
// Unicode control characters (C0, DEL, C1): never part of a user name or an address.
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * Normalises a council server address to its origin (`https://host[:port]`), or null when it is not an absolute
 * http(s) URL without credentials, path, query or fragment, or its host could not sit in a CSP source list.
 */
export function normaliseServerUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > CREDENTIALS_LIMITS.serverUrlMaxLength) return null;
  // The URL parser silently strips outer spaces and inner tabs/newlines; refuse them instead of guessing.
  if (/\s/.test(raw) || CONTROL_CHARACTER.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not an absolute URL.
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || raw.includes('@')) return null;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(raw)) return null;
  if (!HOST_NAME.test(url.hostname)) return null;
  return url.origin;
}

function isBoundedText(value: unknown, max: number, allowControl: boolean): value is string {
  return (
    typeof value === 'string' && value.length >= 1 && value.length <= max && (allowControl || !CONTROL_CHARACTER.test(value))
  );
}

const CREDENTIAL_KEYS = ['password', 'serverUrl', 'username'];

/**
 * Validates a login to remember: exactly `serverUrl`, `username` (1–200 characters, no control characters) and
 * `password` (1–1000 characters); returns it with `serverUrl` normalised to its origin.
 */
export function parseServerCredentials(value: unknown): Result<ServerCredentials> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid('credentials must be an object');
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return invalid('credentials must be a plain object');
  const keys = Object.keys(value).sort();
  if (keys.length !== CREDENTIAL_KEYS.length || keys.some((k, i) => k !== CREDENTIAL_KEYS[i])) {
    return invalid('credentials take exactly serverUrl, username and password');
  }
  const { serverUrl, username, password } = value as Record<string, unknown>;
  const origin = normaliseServerUrl(serverUrl);
  if (origin === null) return invalid('serverUrl must be an http(s) address without user, path or query');
  if (!isBoundedText(username, CREDENTIALS_LIMITS.usernameMaxLength, false)) {
    return invalid(`username must have 1–${CREDENTIALS_LIMITS.usernameMaxLength} characters and no control characters`);
  }
  if (!isBoundedText(password, CREDENTIALS_LIMITS.passwordMaxLength, true)) {
    return invalid(`password must have 1–${CREDENTIALS_LIMITS.passwordMaxLength} characters`);
  }
  return ok({ serverUrl: origin, username, password });
}

/**
 * Validates a `print:save-pdf` request: exactly `fileName`, 1–200 characters without control characters; returns it
 * with the name made safe for any file system (shared/ipc/file-name.ts).
 */
export function parseSavePdfRequest(value: unknown): Result<SavePdfRequest> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid('the request must be an object');
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return invalid('the request must be a plain object');
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'fileName') return invalid('the request takes exactly fileName');
  const { fileName } = value as Record<string, unknown>;
  if (!isBoundedText(fileName, PRINT_LIMITS.fileNameMaxLength, false)) {
    return invalid(`fileName must have 1–${PRINT_LIMITS.fileNameMaxLength} characters and no control characters`);
  }
  return ok({ fileName: safeFileName(fileName) });
}

// Canonical base64 (what Node's `Buffer#toString('base64')` writes): whole quartets, padding only at the end, and the
// bits the padding leaves unused at zero, so one byte string has exactly one accepted spelling.
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

/**
 * Validates a keyring text to seal: a non-empty string of at most `KEYRING_LIMITS.textMaxLength` characters and as
 * many UTF-8 bytes (any characters: it is JSON the renderer wrote).
 */
export function parseKeyringText(value: unknown): Result<string> {
  const max = KEYRING_LIMITS.textMaxLength;
  if (typeof value !== 'string' || value.length === 0 || value.length > max || new TextEncoder().encode(value).length > max) {
    return invalid(`the keyring text must be a string of 1–${max} characters (UTF-8 bytes)`);
  }
  return ok(value);
}

/** Validates a sealed keyring: canonical base64, 4–`KEYRING_LIMITS.sealedMaxLength` characters. */
export function parseSealedKeyring(value: unknown): Result<string> {
  const max = KEYRING_LIMITS.sealedMaxLength;
  if (typeof value !== 'string' || value.length < 4 || value.length > max || !CANONICAL_BASE64.test(value)) {
    return invalid(`the sealed keyring must be base64 of 4–${max} characters`);
  }
  return ok(value);
}

/** One guard per invoke channel; the mapped type makes a missing channel a compile error. */
export const INVOKE_GUARDS: { [C in InvokeChannel]: ArgsGuard<C> } = {
  'app:get-info': (args) => (args.length === 0 ? ok([]) : invalid('app:get-info takes no arguments')),
  'app:set-language': (args) => {
    const [lang] = args;
    if (args.length !== 1 || !isLanguage(lang)) return invalid(`app:set-language expects one of ${LANGUAGES.join(', ')}`);
    return ok([lang]);
  },
  'credentials:save': (args) => {
    if (args.length !== 1) return invalid('credentials:save takes one argument');
    const credentials = parseServerCredentials(args[0]);
    return credentials.ok ? ok([credentials.value]) : credentials;
  },
  'credentials:load': (args) => (args.length === 0 ? ok([]) : invalid('credentials:load takes no arguments')),
  'credentials:clear': (args) => (args.length === 0 ? ok([]) : invalid('credentials:clear takes no arguments')),
  'keyring:seal': (args) => {
    if (args.length !== 1) return invalid('keyring:seal takes one argument');
    const text = parseKeyringText(args[0]);
    return text.ok ? ok([text.value]) : text;
  },
  'keyring:open': (args) => {
    if (args.length !== 1) return invalid('keyring:open takes one argument');
    const sealed = parseSealedKeyring(args[0]);
    return sealed.ok ? ok([sealed.value]) : sealed;
  },
  'print:page': (args) => (args.length === 0 ? ok([]) : invalid('print:page takes no arguments')),
  'print:save-pdf': (args) => {
    if (args.length !== 1) return invalid('print:save-pdf takes one argument');
    const request = parseSavePdfRequest(args[0]);
    return request.ok ? ok([request.value]) : request;
  },
};
