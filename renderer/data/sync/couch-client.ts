import { CONFLICTS_VIEW } from '../../../shared/couch/design-docs';
import type { CouchDoc } from './couch-docs';
import type { Selector } from './pull-filter';
import { classifyStatus, couchErrorBody, LoginError, SyncError } from './sync-failure';

/**
 * How requests prove who the user is. `basic`: the desktop app keeps the password encrypted by the OS (Electron
 * safeStorage) and sends it with each request. `cookie`: in a browser, CouchDB's AuthSession cookie from `_session`
 * (HttpOnly; the password is never stored by the page).
 */
export type CouchAuth = { kind: 'basic'; username: string; password: string } | { kind: 'cookie' };

export interface UserContext {
  name: string | null;
  roles: string[];
}

export interface ChangesResult {
  results: { id: string; seq: string | number | null; doc?: CouchDoc; deleted?: boolean }[];
  last_seq: string | number;
  /** Changes after this batch (CouchDB; pouchdb-server leaves it out). */
  pending?: number;
}

export type BulkRow = { id: string; rev?: string; ok?: boolean; error?: string; reason?: string };

const REQUEST_TIMEOUT_MS = 60_000;
/** The reachability probe after a failed login: a server that is there answers an empty `GET /` within seconds. */
const PROBE_TIMEOUT_MS = 15_000;

/** The user in CouchDB's answer to a login (`{"ok":true,"name":…,"roles":[…]}`), or null when it is not one. */
function sessionOf(text: string): UserContext | null {
  try {
    const body = JSON.parse(text) as { ok?: unknown; name?: unknown; roles?: unknown } | null;
    if (body?.ok !== true || typeof body.name !== 'string') return null;
    const roles = Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [];
    return { name: body.name, roles };
  } catch {
    return null;
  }
}

/** Compresses a request body with gzip where the platform can (Chromium's CompressionStream); bytes are scarce on 2G. */
async function gzip(text: string): Promise<ArrayBuffer | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** A thin CouchDB HTTP client: every non-2xx answer becomes a classified SyncError. */
export class CouchClient {
  readonly serverUrl: string;
  private readonly auth: CouchAuth;
  private readonly fetchImpl: typeof fetch;
  /** Bytes of request bodies sent, for the status bar and the benchmark. */
  bytesSent = 0;

  constructor(serverUrl: string, auth: CouchAuth, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)) {
    this.serverUrl = serverUrl.replace(/\/+$/, '');
    this.auth = auth;
    this.fetchImpl = fetchImpl;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (this.auth.kind === 'basic') {
      const bytes = new TextEncoder().encode(`${this.auth.username}:${this.auth.password}`);
      headers.Authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
    }
    return headers;
  }

  /** Sends a request and returns the parsed JSON body; throws SyncError on any failure. */
  async json<T>(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<T> {
    const { timeoutMs, ...rest } = init;
    const response = await this.fetchImpl(`${this.serverUrl}${path}`, {
      ...rest,
      headers: this.headers((rest.headers as Record<string, string> | undefined) ?? {}),
      credentials: this.auth.kind === 'cookie' ? 'include' : 'omit',
      // CouchDB's answers carry records (residents' personal data): never into the browser's disk cache.
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) {
      let reason = text;
      try {
        const body = JSON.parse(text) as { error?: string; reason?: string };
        reason = [body.error, body.reason].filter(Boolean).join(': ') || text;
      } catch {
        // Not JSON (a proxy's error page): keep the text as it is.
      }
      throw new SyncError(classifyStatus(response.status, reason.slice(0, 500)));
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new SyncError({
        kind: 'server',
        status: response.status,
        detail: 'the answer is not JSON: is this a CouchDB server?',
      });
    }
  }

  /**
   * Starts a cookie session (browser mode) or checks the password (desktop); returns who the server says we are.
   * Exactly one request and never a retry: CouchDB counts every refused password, basic auth included, and after 5
   * from one address locks the account for 5 minutes, even for the right password (measured on 3.4.3). Anything but a
   * session throws a LoginError with what came back, for `diagnoseLogin`.
   */
  async login(username: string, password: string): Promise<UserContext> {
    let status = 0;
    let text = '';
    try {
      const response = await this.fetchImpl(`${this.serverUrl}/_session`, {
        method: 'POST',
        headers: this.headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ name: username, password }),
        credentials: this.auth.kind === 'cookie' ? 'include' : 'omit',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (error instanceof TypeError) throw new LoginError({ failure: 'network', body: null }, error.message);
      if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new LoginError({ failure: 'timeout', body: null }, error.message);
      }
      throw error;
    }
    const session = sessionOf(text);
    if (status >= 200 && status < 300 && session) return session;
    throw new LoginError({ failure: status, body: couchErrorBody(text) }, text.slice(0, 500));
  }

  /**
   * Whether anything answers HTTP at the server's address. A `no-cors` request is not subject to CORS: it resolves
   * with an opaque answer from any server and rejects only when nothing answers (no route, refused connection, DNS,
   * TLS). Asked once after a login failed with a TypeError, it tells a server that refuses this page (its CORS
   * settings) from no server at all. Anonymous `GET /`: no password, so nothing that CouchDB could count as a failure.
   */
  async answersAtAll(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
    try {
      await this.fetchImpl(`${this.serverUrl}/`, {
        mode: 'no-cors',
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Who the current credentials belong to (name null when they are not valid any more). */
  async session(): Promise<UserContext> {
    const body = await this.json<{ userCtx: UserContext }>('/_session');
    return body.userCtx;
  }

  /** Ends the cookie session. */
  async logout(): Promise<void> {
    await this.json('/_session', { method: 'DELETE' });
  }

  /**
   * Whether the server filters a feed by a Mango selector: Apache CouchDB does; pouchdb-server (the demo's server)
   * answers 404 and then dies, so it is never asked. Learnt once per client from the server's welcome (`GET /`, a
   * few hundred bytes); there the feed is read whole and the caller's own checks sort it.
   */
  private selectorsWork: Promise<boolean> | null = null;

  private filtersBySelector(): Promise<boolean> {
    this.selectorsWork ??= this.json<{ couchdb?: unknown }>('/').then(
      (welcome) => welcome.couchdb === 'Welcome',
      (error: unknown) => {
        this.selectorsWork = null;
        throw error;
      },
    );
    return this.selectorsWork;
  }

  /**
   * One batch of the changes feed, oldest first, with the documents: on CouchDB filtered on the server by a Mango
   * selector (only the records this PC lacks, pull-filter.ts). `seq_interval` = the batch size, because CouchDB then
   * computes a sequence only once per batch and sends `null` for the other rows: a sequence is ~100 bytes, more than
   * many a small event. `pending` is what the feed holds after the batch (unfiltered), for progress. Appeals and
   * events ask with different selectors, so no two pulls ever share a request.
   */
  changes(db: string, options: { since: string | number; limit: number; selector?: Selector }): Promise<ChangesResult> {
    return this.readChanges(db, { ...options, include_docs: true });
  }

  /** A changes request, filtered when a selector is given and the server takes one, else the whole feed. */
  private async readChanges(
    db: string,
    options: { since: string | number; limit?: number; selector?: Selector; include_docs?: boolean; longPollMs?: number },
  ): Promise<ChangesResult> {
    const query = new URLSearchParams({ since: String(options.since) });
    if (options.limit) query.set('limit', String(options.limit));
    if (options.include_docs) query.set('include_docs', 'true');
    query.set('seq_interval', String(options.limit ?? 1000));
    if (options.longPollMs !== undefined) {
      query.set('feed', 'longpoll');
      query.set('timeout', String(options.longPollMs));
    }
    const timeoutMs = options.longPollMs !== undefined ? options.longPollMs + 5_000 : undefined;
    const path = `/${encodeURIComponent(db)}/_changes`;
    if (options.selector && (await this.filtersBySelector())) {
      query.set('filter', '_selector');
      return this.json<ChangesResult>(`${path}?${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ selector: options.selector }),
        timeoutMs,
      });
    }
    return this.json<ChangesResult>(`${path}?${query}`, { timeoutMs });
  }

  /**
   * Waits (long poll) until anything the selector matches changes after `since`; resolves with where the answer
   * ended and whether anything matched. CouchDB ends the poll itself after `timeout` (answering the end it reached,
   * which moves with changes the selector leaves out); pouchdb-server ignores it and holds the request, so our own
   * abort a little later also means "nothing changed". No documents: the pulls fetch them.
   */
  async waitForChange(
    db: string,
    since: string | number,
    timeoutMs: number,
    selector?: Selector,
  ): Promise<{ seq: string | number; changed: boolean }> {
    try {
      // One change is enough to wake the pulls: a council PC's poll could otherwise list thousands of ids.
      const answer = await this.readChanges(db, { since, limit: 1, selector, longPollMs: timeoutMs });
      return { seq: answer.last_seq, changed: answer.results.length > 0 };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') return { seq: since, changed: false };
      throw error;
    }
  }

  /** The current end of the changes feed. */
  async lastSeq(db: string): Promise<string | number> {
    // The database's info, not `_changes?descending=true`: fewer bytes, and pouchdb-server handles it reliably.
    return (await this.json<{ update_seq: string | number }>(`/${encodeURIComponent(db)}`)).update_seq;
  }

  /**
   * Writes documents; each row of the answer says whether its document was saved, already there, or rejected. With
   * `newEdits: false` (write-once records carrying their one revision, shared/couch/record-revision.ts) CouchDB
   * answers only the rows it refused: `[]` when all went through or were there already.
   */
  async bulkDocs(db: string, docs: CouchDoc[], options: { newEdits?: boolean } = {}): Promise<BulkRow[]> {
    const text = JSON.stringify(options.newEdits === false ? { docs, new_edits: false } : { docs });
    const compressed = await gzip(text);
    const body = compressed ?? text;
    this.bytesSent += compressed ? compressed.byteLength : new TextEncoder().encode(text).byteLength;
    return this.json<BulkRow[]>(`/${encodeURIComponent(db)}/_bulk_docs`, {
      method: 'POST',
      headers: compressed
        ? { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }
        : { 'Content-Type': 'application/json' },
      body,
    });
  }

  /** Reads one document, or null when it does not exist. */
  async getDoc<T>(db: string, id: string): Promise<T | null> {
    try {
      return await this.json<T>(`/${encodeURIComponent(db)}/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof SyncError && error.failure.status === 404) return null;
      throw error;
    }
  }

  /** Creates or replaces a small document that this user owns (the village status document). */
  async putDoc(db: string, doc: CouchDoc): Promise<void> {
    await this.json(`/${encodeURIComponent(db)}/${encodeURIComponent(doc._id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(doc),
    });
  }

  /** Documents whose ids start with a prefix (village registry, status documents). */
  async docsByPrefix<T>(db: string, prefix: string): Promise<T[]> {
    const query = new URLSearchParams({
      startkey: JSON.stringify(prefix),
      endkey: JSON.stringify(`${prefix}\ufff0`),
      include_docs: 'true',
    });
    const body = await this.json<{ rows: { doc?: T }[] }>(`/${encodeURIComponent(db)}/_all_docs?${query}`);
    return body.rows.flatMap((r) => (r.doc ? [r.doc] : []));
  }

  /**
   * Every document of the database with a second branch (the design document's view `ov/conflicts`, key the `_id`,
   * value its losing revisions), with its winning revision's body. A database whose design document predates the view
   * answers 404, which throws as any other failure.
   */
  async conflictedDocs<T>(db: string): Promise<{ id: string; conflicts: string[]; doc: T | null }[]> {
    const [ddoc, view] = CONFLICTS_VIEW.split('/');
    const body = await this.json<{ rows: { id: string; value?: unknown; doc?: T | null }[] }>(
      `/${encodeURIComponent(db)}/_design/${ddoc}/_view/${view}?include_docs=true`,
    );
    return body.rows.map((r) => ({
      id: r.id,
      conflicts: Array.isArray(r.value) ? r.value.filter((v): v is string => typeof v === 'string') : [],
      doc: r.doc ?? null,
    }));
  }

  /** Which of these document ids exist (`_all_docs` with `keys`: one small request, no document bodies). */
  async existingIds(db: string, ids: readonly string[]): Promise<Set<string>> {
    const body = await this.json<{ rows: { id?: string; key: string; error?: string; value?: { deleted?: boolean } }[] }>(
      `/${encodeURIComponent(db)}/_all_docs`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ keys: ids }) },
    );
    return new Set(body.rows.filter((r) => !r.error && !r.value?.deleted).map((r) => r.key));
  }

  /** The raw bytes of one attachment (binary, no base64 on the wire). */
  async attachment(db: string, docId: string, name: string): Promise<ArrayBuffer> {
    const response = await this.fetchImpl(
      `${this.serverUrl}/${encodeURIComponent(db)}/${encodeURIComponent(docId)}/${encodeURIComponent(name)}`,
      {
        headers: this.headers({ Accept: '*/*' }),
        credentials: this.auth.kind === 'cookie' ? 'include' : 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      },
    );
    if (!response.ok) throw new SyncError(classifyStatus(response.status, (await response.text()).slice(0, 500)));
    return response.arrayBuffer();
  }
}
