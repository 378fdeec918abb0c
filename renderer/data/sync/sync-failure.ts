import type { LocalizedText } from '../../../shared/lib/i18n-text';

/** Why a sync did not go through, in the words the status bar shows (docs/conventions.md: never an endless spinner). */
export type SyncFailureKind = 'offline' | 'login' | 'denied' | 'server' | 'invalid';

export interface SyncFailure {
  kind: SyncFailureKind;
  /** HTTP status when there was one. */
  status?: number;
  detail: string;
}

/** An error thrown by the CouchDB client that carries its classification. */
export class SyncError extends Error {
  readonly failure: SyncFailure;
  constructor(failure: SyncFailure) {
    super(`${failure.kind}: ${failure.detail}`);
    this.failure = failure;
    this.name = 'SyncError';
  }
}

/** Classifies an HTTP status: 401 asks for a login, 403 is a denial, 413/400 invalid input, 5xx the server's fault. */
export function classifyStatus(status: number, detail: string): SyncFailure {
  if (status === 401) return { kind: 'login', status, detail };
  if (status === 403) return { kind: 'denied', status, detail };
  if (status === 400 || status === 413 || status === 415) return { kind: 'invalid', status, detail };
  return { kind: 'server', status, detail };
}

/** Classifies anything thrown while talking to the server. */
export function classifyError(error: unknown): SyncFailure {
  if (error instanceof SyncError) return error.failure;
  // fetch rejects with a TypeError when there is no network, DNS or connection; an abort means our own timeout fired.
  if (
    error instanceof TypeError ||
    (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  ) {
    return { kind: 'offline', detail: error.message };
  }
  return { kind: 'server', detail: error instanceof Error ? error.message : String(error) };
}

/** A short explanation of each kind, in both languages. */
export const FAILURE_TEXT: Record<SyncFailureKind, LocalizedText> = {
  offline: { uk: 'Немає зв’язку з сервером ради', en: 'No connection to the council server' },
  login: { uk: 'Потрібно знову увійти', en: 'Please log in again' },
  denied: { uk: 'Сервер не дозволив цю дію для вашого облікового запису', en: 'The server does not allow this for your account' },
  server: { uk: 'Помилка на сервері ради', en: 'The council server failed' },
  invalid: { uk: 'Сервер відхилив дані', en: 'The server rejected the data' },
};

/** CouchDB's own words in an error answer, e.g. `{"error":"unauthorized","reason":"Name or password is incorrect."}`. */
export interface CouchErrorBody {
  error: string;
  reason?: string;
}

/** CouchDB's error body from an answer's text, or null when the text is not one (HTML, other JSON, nothing). */
export function couchErrorBody(text: string): CouchErrorBody | null {
  try {
    const body = JSON.parse(text) as { error?: unknown; reason?: unknown } | null;
    if (typeof body?.error !== 'string') return null;
    return typeof body.reason === 'string' ? { error: body.error, reason: body.reason } : { error: body.error };
  } catch {
    return null;
  }
}

/** What the login request (`POST /_session`) came to when it did not log in. */
export interface LoginAnswer {
  /**
   * `network`: fetch rejected with a TypeError, so the page could read no answer (no route, refused connection, DNS,
   * TLS, or CORS: a browser rejects a refused cross-origin request with the same TypeError as a dead network);
   * `timeout`: our own timer fired first; a number: the HTTP status of an answer that is not a login.
   */
  failure: 'network' | 'timeout' | number;
  /** CouchDB's error body, or null when the answer had none (not CouchDB, or no answer at all). */
  body: CouchErrorBody | null;
}

/**
 * After a `network` failure only: whether a `no-cors` request to the same address got an (opaque) answer. Such a
 * request is not subject to CORS, so an answer means a server is there and it is its settings that refuse the page.
 */
export type ProbeOutcome = 'answered' | 'silent' | 'not-run';

/** Why a login did not go through, each with its own advice on the login screen. */
export type LoginProblem = 'unreachable' | 'refused' | 'wrongPassword' | 'locked' | 'notCouch' | 'serverError';

/** Thrown by `CouchClient.login`: the answer for `diagnoseLogin`, classified like every other client error. */
export class LoginError extends SyncError {
  readonly answer: LoginAnswer;
  constructor(answer: LoginAnswer, detail: string) {
    super(typeof answer.failure === 'number' ? classifyStatus(answer.failure, detail) : { kind: 'offline', detail });
    this.answer = answer;
    this.name = 'LoginError';
  }
}

/**
 * CouchDB 3.4.3 refuses a locked account with 403 `{"error":"forbidden","reason":"Account is temporarily locked due to
 * multiple authentication failures"}`, even for the right password.
 */
const LOCKED_REASON = /locked/i;

/**
 * The one decision of the login screen, kept pure for a table-driven test. What CouchDB 3.4.3 answers `POST /_session`:
 * 200 `{"ok":true,"name":…,"roles":[…]}` for a login, 401 `unauthorized` for a wrong name or password, 403 with the
 * "locked" reason after 5 failures from one address within 5 minutes. An answer without CouchDB's error body, or a
 * 404 or 405 for `/_session`, comes from some other server; a 5xx from a CouchDB (or the proxy before it) that is failing.
 */
export function diagnoseLogin(answer: LoginAnswer & { probe: ProbeOutcome }): LoginProblem {
  const { failure, body, probe } = answer;
  if (failure === 'network') return probe === 'answered' ? 'refused' : 'unreachable';
  if (failure === 'timeout') return 'unreachable';
  if (failure >= 500) return 'serverError';
  // Every CouchDB has `/_session` and takes POST there: another server at this address (or one under a path) does not.
  if (failure === 404 || failure === 405 || !body) return 'notCouch';
  if (failure === 401 && body.error === 'unauthorized') return 'wrongPassword';
  if (failure === 403 && LOCKED_REASON.test(body.reason ?? '')) return 'locked';
  // CouchDB's JSON with another error (a 403 from a validation, a 400 from a broken request): its own words say more.
  if (failure >= 400) return 'serverError';
  // A success or a redirect without a session in it.
  return 'notCouch';
}
