import type { LocalizedText } from '../../../shared/lib/i18n-text';

/** Why a sync did not go through, in the words the status bar shows (STYLE.md: never an endless spinner). */
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
