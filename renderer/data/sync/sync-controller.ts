import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, filter, firstValueFrom, type Observable, Subject, type Subscription } from 'rxjs';
import type { DbScope } from '../../../shared/couch/validate-doc-update';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { sendsRecord } from '../../../shared/transfer/authorship';
import type { AppDatabase } from '../database';
import { insertPulledFiles } from '../files.repository';
import { scopeFor } from '../ingest/scope';
import { type PullCheckpoint, replicateCollection } from './collection-replication';
import { type CouchAuth, CouchClient } from './couch-client';
import { type CouchDoc, fileFromCouch } from './couch-docs';
import { fetchFileBytes } from './file-fetch';
import { observeRejected, observeWaiting } from './outbox';
import { loadPcId, pollSelector } from './pull-filter';
import { PullProgress } from './pull-progress';
import { PULL_MIN } from './pull-size';
import { loadLastSyncAt, type SyncConfig, saveLastSyncAt } from './sync-config';
import { classifyError, type SyncFailure } from './sync-failure';
import { INITIAL_STATUS, type SyncReport, type SyncStatus } from './sync-status';
import { noUploadStats, UploadQueue, type UploadStats } from './upload-queue';
import { publishVillageStatus } from './village-status';

const BASE_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;
// The start-up login check: a cut or a 5xx says nothing about the password, so it is asked again soon.
const GATE_RETRY_MS = 1_000;
const GATE_MAX_RETRY_MS = 10_000;
/** After the link recovers, the replications still asleep in their backoff are restarted, at most this often. */
const RECOVERY_RESTART_MS = 10_000;
const LONG_POLL_MS = 25_000;
/**
 * Documents per request. A push batch of 500 records is ~20 KB gzip-compressed (under a second at 256 kbit/s), so
 * a cut costs little while 300 ms round trips stay few. A pull hands RxDB at least PULL_MIN records at a time; each
 * request's size follows the link (pull-size.ts).
 */
const PUSH_BATCH = 500;
const PULL_BATCH = PULL_MIN;
/**
 * The upload queue's first retry comes sooner than the replications': on a weak link most failures are single cut
 * requests, and each costs the waiting time again for every chunk after it. It doubles from there like the rest.
 */
const UPLOAD_RETRY_MS = 1_000;

/** RxDB wraps what a handler threw; the classification needs the original error. */
function unwrap(error: unknown): unknown {
  const params = (error as { parameters?: { errors?: unknown[]; error?: unknown } }).parameters;
  return params?.errors?.[0] ?? params?.error ?? error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one service that owns sync (docs/conventions.md, after CHT): live replication of appeals and events with the user's
 * CouchDB database, retry with backoff while the link is down, a stop and a request to log in on 401, and one
 * status stream that tells the truth (online, waiting, last success, progress, the last failure in words).
 */
export class SyncController {
  private readonly status = new BehaviorSubject<SyncStatus>(INITIAL_STATUS);
  readonly status$: Observable<SyncStatus> = this.status.asObservable();
  private readonly db: AppDatabase;
  private readonly config: SyncConfig;
  private readonly appVersion: string;
  /** This app database's id (pull-filter.ts). */
  private readonly pc: Promise<string>;
  private client: CouchClient | null = null;
  private replications: RxReplicationState<Record<string, unknown> & { id: string }, PullCheckpoint>[] = [];
  private subscriptions: Subscription[] = [];
  private stopLocal: (() => void)[] = [];
  private stream$ = new Subject<'RESYNC'>();
  private retryMs = BASE_RETRY_MS;
  private runId = 0;
  /** The credentials the server last accepted in this session of the app. */
  private verifiedAuth: CouchAuth | null = null;
  private lastStatusPublish = 0;
  private auth: CouchAuth | null = null;
  private lastRecoveryRestart = 0;
  private uploads: UploadQueue | null = null;
  /** Counts of the upload queues of this controller (tests and the benchmark read them). */
  readonly uploadStats: UploadStats = noUploadStats();
  /** Resolves when the previous upload queue has ended its request in flight. */
  private uploadsStopped: Promise<void> = Promise.resolve();
  /** The run whose replications exist (they start once the login check and the app database's id are through). */
  private readonly readyRun = new BehaviorSubject<number>(0);

  /**
   * Fetches a file's bytes on demand from this user's server database (the council: the central database; a village: its own),
   * or null when sync is not running (not logged in): nothing is downloaded up front.
   */
  get fetchFile(): ((file: AttachedFile) => Promise<Uint8Array>) | null {
    const client = this.client;
    if (!client || !this.current.isRunning) return null;
    return (file) => fetchFileBytes(client, this.config.dbName, file);
  }

  /**
   * Restarts the replications at once instead of waiting out the backoff: when the link comes back (the browser's
   * `online` event) or the user asks to sync now after a failure. Pushes resume from RxDB's checkpoints.
   */
  retryNow(): void {
    if (this.auth && this.current.isRunning) this.start(this.auth);
  }

  constructor(db: AppDatabase, config: SyncConfig, appVersion: string) {
    this.db = db;
    this.config = config;
    this.appVersion = appVersion;
    this.pc = loadPcId(db);
    this.patch({ isConfigured: true });
    // Register rows of pulled records are no business of sync: the projection follows the collections (projection.ts).
    this.stopLocal.push(
      observeWaiting(db, (waiting) => this.patch({ waiting })),
      observeRejected(db, (rejected) => this.patch({ rejected })),
    );
    void loadLastSyncAt(db).then((lastSyncAt) => this.patch({ lastSyncAt }));
  }

  get current(): SyncStatus {
    return this.status.value;
  }

  private patch(change: Partial<SyncStatus>): void {
    this.status.next({ ...this.status.value, ...change });
  }

  /**
   * Starts live sync with these credentials (after login, or at start-up with the remembered ones). A password saved
   * on this PC is checked once first: sync opens several requests at once, and with a password changed on the server
   * each refused one would count toward CouchDB's lockout (5 failures lock the account for 5 minutes).
   */
  start(auth: CouchAuth): void {
    this.stopReplications();
    this.auth = auth;
    const runId = ++this.runId;
    const client = new CouchClient(this.config.serverUrl, auth);
    this.client = client;
    this.stream$ = new Subject<'RESYNC'>();
    this.retryMs = BASE_RETRY_MS;
    this.patch({ isRunning: true, failure: null });
    if (auth.kind === 'basic' && auth !== this.verifiedAuth) void this.checkLoginThenRun(runId, client, auth);
    else this.run(runId, client);
  }

  /**
   * One `GET /_session` until the server answers (no answer counts toward the lockout); a refusal stops sync. A cut or
   * a 5xx says nothing about the password, and the check is a few hundred bytes: it is retried soon (at most every
   * GATE_MAX_RETRY_MS), not on the replications' long backoff. Restarts of the same login (`retryNow`) skip it.
   */
  private async checkLoginThenRun(runId: number, client: CouchClient, auth: CouchAuth & { kind: 'basic' }): Promise<void> {
    let delay = GATE_RETRY_MS;
    while (runId === this.runId) {
      try {
        const ctx = await client.session();
        if (runId !== this.runId) return;
        if (ctx.name !== auth.username) return this.onFailure({ kind: 'login', detail: 'the saved password is refused' });
        this.verifiedAuth = auth;
        this.patch({ failure: null, isOnline: true });
        return this.run(runId, client);
      } catch (error) {
        if (runId !== this.runId) return;
        const failure = classifyError(error);
        if (failure.kind === 'login') return this.onFailure(failure);
        this.patch({ isOnline: failure.kind !== 'offline', failure });
        await sleep(delay);
        delay = Math.min(delay * 2, GATE_MAX_RETRY_MS);
      }
    }
  }

  /** The replications, the long poll and the upload queue of one run, once this app database's id is known. */
  private run(runId: number, client: CouchClient): void {
    void this.pc.then(
      (pc) => {
        if (runId === this.runId) this.runWith(runId, client, pc);
      },
      (error: unknown) => this.onError(error),
    );
  }

  private runWith(runId: number, client: CouchClient, pc: string): void {
    const progress = new PullProgress();
    // A request of a run already replaced (a new login, a restart) may still answer, a 401 of the old password among
    // them: it must not stop or steer the run that replaced it.
    const live = () => runId === this.runId;
    const hooks = {
      onRequestOk: () => {
        if (!live()) return;
        const wasFailing = this.current.failure !== null;
        this.retryMs = BASE_RETRY_MS;
        for (const r of this.replications) r.retryTime = BASE_RETRY_MS;
        this.patch({ isOnline: true, failure: null });
        // RxDB fixed each waiting retry's delay when its wait began: wake them now that requests go through again.
        if (wasFailing && Date.now() - this.lastRecoveryRestart > RECOVERY_RESTART_MS) {
          this.lastRecoveryRestart = Date.now();
          setTimeout(() => this.retryNow(), 0);
        }
      },
      onFailure: (failure: SyncFailure) => {
        if (live()) this.onFailure(failure);
      },
      onPullBatch: (feed: { since: string | number; seq: string | number; pending: number | undefined }, collection: string) => {
        if (live()) this.patch({ download: progress.update(collection, feed.since, feed.seq, feed.pending) });
      },
    };
    for (const collection of ['appeals', 'events'] as const) {
      const replication = replicateCollection({
        db: this.db,
        collection,
        client,
        dbName: this.config.dbName,
        stream$: this.stream$,
        pullBatchSize: PULL_BATCH,
        pushBatchSize: PUSH_BATCH,
        retryTime: BASE_RETRY_MS,
        hooks: { ...hooks, onPullBatch: (feed) => hooks.onPullBatch(feed, collection) },
        pc,
        scope: this.scope,
        onPulledOthers: collection === 'events' ? (docs) => this.onPulledFiles(docs) : undefined,
        isSentByThisPc: (doc) => sendsRecord(this.config.role, doc),
      });
      this.replications.push(replication);
      this.subscriptions.push(
        // Handler failures arrive classified through onFailure; RxDB's own copy of them carries no class.
        replication.error$.subscribe((error) => console.warn('sync: replication error', unwrap(error))),
        replication.received$.subscribe(() => this.onReceived()),
        replication.sent$.subscribe(() => this.patch({ sent: this.current.sent + 1 })),
        replication.active$.subscribe(() => this.onActivity()),
      );
    }
    void this.longPoll(runId, client, pc);
    this.uploads = new UploadQueue({
      db: this.db,
      client,
      dbName: this.config.dbName,
      baseRetryMs: UPLOAD_RETRY_MS,
      maxRetryMs: MAX_RETRY_MS,
      stats: this.uploadStats,
      isSentByThisPc: (file) => sendsRecord(this.config.role, file as unknown as Record<string, unknown>),
      pc,
      hooks: {
        onRequestOk: hooks.onRequestOk,
        onFailure: hooks.onFailure,
        onProgress: (uploads) => this.patch({ uploads }),
      },
    });
    this.uploads.start(this.uploadsStopped);
    this.readyRun.next(runId);
  }

  /**
   * File metadata from the feed: stored without bytes (those are fetched only when someone opens the file), through
   * ingest like every record (refused ones are set aside with their reason).
   */
  private async onPulledFiles(docs: CouchDoc[]): Promise<void> {
    const files: Record<string, unknown>[] = [];
    for (const doc of docs) {
      const local = fileFromCouch(doc);
      if (local) files.push(local);
    }
    await insertPulledFiles(this.db, files, this.scope);
  }

  /** The database whose rules decide what enters this PC: the one this login syncs with. */
  private get scope(): DbScope {
    return scopeFor({ config: this.config });
  }

  private onReceived(): void {
    this.patch({ received: this.current.received + 1 });
  }

  private onError(error: unknown): void {
    this.onFailure(classifyError(error));
  }

  private onFailure(failure: SyncFailure): void {
    if (failure.kind === 'login') {
      // Stop at once: retrying a refused password locks the account (CouchDB: 5 failures, 5 minutes).
      this.stopReplications();
      this.patch({ isRunning: false, isActive: false, failure, isOnline: true });
      return;
    }
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    for (const r of this.replications) r.retryTime = this.retryMs;
    // A long pull stands still while the link is down: keep how far it got, drop a time estimate that no longer holds.
    const download = this.current.download && { ...this.current.download, etaSeconds: null };
    this.patch({ failure, isOnline: failure.kind !== 'offline', download });
  }

  private onActivity(): void {
    const isActive = this.replications.some(
      (r) => (r as unknown as { subjects: { active: BehaviorSubject<boolean> } }).subjects.active.value,
    );
    this.patch({ isActive });
    if (!isActive && this.current.isRunning && this.current.failure === null && this.current.isOnline) void this.markInSync();
  }

  private async markInSync(): Promise<void> {
    const lastSyncAt = new Date().toISOString();
    this.patch({ lastSyncAt });
    // The replication's last idle moment can come after the database closed (a lock, the app closing, a test's end):
    // the time is only shown to the user, so it is not saved then, and a failed save is only logged.
    if (this.db.closed) return;
    await saveLastSyncAt(this.db, lastSyncAt).catch((error: unknown) =>
      console.warn('sync: the time of the last sync not saved', error),
    );
    if (this.config.role !== 'central' && this.client && Date.now() - this.lastStatusPublish > 60_000) {
      this.lastStatusPublish = Date.now();
      await publishVillageStatus(this.client, this.config, {
        lastSyncAt,
        pending: this.current.waiting,
        appVersion: this.appVersion,
      }).catch((error: unknown) => console.warn('sync: status document not published', error));
    }
  }

  /**
   * Waits for changes on the server (long poll) and asks both pulls to fetch them; backs off while the link is down.
   * Filtered like the pulls: this PC's own pushes do not wake it.
   */
  private async longPoll(runId: number, client: CouchClient, pc: string): Promise<void> {
    const selector = pollSelector(pc);
    let since: string | number | null = null;
    let delay = BASE_RETRY_MS;
    while (runId === this.runId) {
      try {
        if (since === null) {
          since = await client.lastSeq(this.config.dbName);
          // Whatever arrived between the first pull and this point has no poll to announce it: pull once more.
          this.stream$.next('RESYNC');
        }
        const answer = await client.waitForChange(this.config.dbName, since, LONG_POLL_MS, selector);
        if (runId !== this.runId) return;
        if (answer.changed) {
          this.stream$.next('RESYNC');
          // The poll asked for one change; jump to the end of the feed rather than walk it one change per request.
          since = await client.lastSeq(this.config.dbName);
        } else since = answer.seq;
        delay = BASE_RETRY_MS;
      } catch (error) {
        if (runId !== this.runId) return;
        const failure = classifyError(error);
        if (failure.kind === 'login') return this.onError(error);
        this.patch({ isOnline: failure.kind !== 'offline', failure });
        await sleep(delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
        // After an outage, pull what was missed while the poll was down.
        this.stream$.next('RESYNC');
      }
    }
  }

  /** No usable login (none remembered, or the OS key store is unavailable): wait for the user to log in. */
  requireLogin(): void {
    this.patch({ isRunning: false, failure: { kind: 'login', detail: 'no saved login' } });
  }

  /** Sends and receives now, and says what actually happened. */
  async syncNow(timeoutMs = 120_000): Promise<SyncReport> {
    const before = { sent: this.current.sent, received: this.current.received };
    const counts = () => ({ sent: this.current.sent - before.sent, received: this.current.received - before.received });
    if (!this.current.isRunning) {
      const failure: SyncFailure = this.current.failure ?? { kind: 'login', detail: 'not logged in' };
      return { ok: false, failure, ...counts() };
    }
    if (this.current.failure) this.retryNow();
    this.patch({ failure: null });
    // The replications of the current run may not exist yet (the login check or the app database's id still
    // pending): "in sync" is only ever said of the run that is there.
    const inSync = firstValueFrom(this.readyRun.pipe(filter((id) => id === this.runId))).then(() => {
      for (const r of this.replications) r.reSync();
      this.uploads?.wake();
      return Promise.all(this.replications.map((r) => r.awaitInSync()));
    });
    const failed = new Promise<SyncFailure>((resolve) => {
      const sub = this.status$.subscribe((s) => {
        if (s.failure) {
          sub.unsubscribe();
          resolve(s.failure);
        }
      });
      void inSync.then(() => sub.unsubscribe());
    });
    const timeout = sleep(timeoutMs).then((): SyncFailure => ({ kind: 'offline', detail: 'timed out' }));
    const outcome = await Promise.race([inSync.then(() => null), failed, timeout]);
    if (outcome) return { ok: false, failure: outcome, ...counts() };
    await this.markInSync();
    return { ok: true, ...counts() };
  }

  /** Cancels the replications and the long poll (local data stays as it is). */
  private stopReplications(): void {
    this.runId++;
    if (this.uploads) this.uploadsStopped = this.uploads.stop();
    this.uploads = null;
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
    const replications = this.replications;
    this.replications = [];
    for (const r of replications) void r.cancel();
  }

  /** Stops everything (logout or app close). */
  dispose(): void {
    this.stopReplications();
    for (const stop of this.stopLocal) stop();
    this.stopLocal = [];
    this.patch({ isRunning: false, isActive: false });
  }
}
