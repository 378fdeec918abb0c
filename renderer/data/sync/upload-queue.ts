import { chunkDocId, fileDocId } from '../../../shared/couch/names';
import { planChunks } from '../../../shared/domain/files/chunks';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import type { AppDatabase } from '../database';
import { filesWaiting, localBytes } from '../files.repository';
import type { BulkRow, CouchClient } from './couch-client';
import { chunkToCouch, fileToCouch } from './couch-docs';
import { markRejected, markSent } from './outbox';
import { classifyError, SyncError, type SyncFailure } from './sync-failure';

/** What the status bar shows about files: how many wait, and bytes sent of the files in this round. */
export interface UploadProgress {
  filesWaiting: number;
  bytesSent: number;
  bytesTotal: number;
  /** The file being sent now, for the card's "uploading n%". */
  current: { fileId: string; bytesSent: number; size: number } | null;
}

export const NO_UPLOADS: UploadProgress = { filesWaiting: 0, bytesSent: 0, bytesTotal: 0, current: null };

/** Counts for tests and the benchmark. */
export interface UploadStats {
  /** Requests that carried a chunk's bytes. */
  chunkAttempts: number;
  /** Chunks the server confirmed writing. */
  chunksSent: number;
  /** Chunks found on the server without a confirmation seen here (a write whose answer a cut lost), each counted once. */
  chunksSkipped: number;
  filesDone: number;
  /** Chunk ids already counted as sent or found. */
  confirmed: Set<string>;
}

/** Fresh counters. */
export const noUploadStats = (): UploadStats => ({
  chunkAttempts: 0,
  chunksSent: 0,
  chunksSkipped: 0,
  filesDone: 0,
  confirmed: new Set(),
});

export interface UploadHooks {
  onRequestOk(): void;
  onFailure(failure: SyncFailure): void;
  onProgress(progress: UploadProgress): void;
}

const sleep = (ms: number, signal: { wake: () => void }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

/**
 * The app's own upload queue for attached files (RxDB's replication carries no attachments, docs/architecture.md): each waiting
 * file goes as chunk documents `chunk:<fileId>:<n>`, one small request each, and its metadata `file:<id>` last, so
 * a `file:` document on the server means all its bytes are there. Resumable: before sending, it asks which chunks
 * the server already has and sends only the missing ones, so a cut costs at most one chunk. A failure waits with
 * backoff; a 401 stops it (reported like the rest of sync); a refusal sets the file aside with the server's reason.
 */
export class UploadQueue {
  readonly stats: UploadStats;
  private readonly db: AppDatabase;
  private readonly client: CouchClient;
  private readonly dbName: string;
  private readonly hooks: UploadHooks;
  private readonly baseRetryMs: number;
  private readonly maxRetryMs: number;
  private readonly isSentByThisPc: (file: AttachedFile) => boolean;
  private readonly pc: string | undefined;
  private isRunning = false;
  private signal = { wake: () => {} };
  private wanted = false;
  private unsubscribe: (() => void) | null = null;
  private progress: UploadProgress = NO_UPLOADS;
  private finished: Promise<void> = Promise.resolve();

  constructor(options: {
    db: AppDatabase;
    client: CouchClient;
    dbName: string;
    hooks: UploadHooks;
    baseRetryMs?: number;
    maxRetryMs?: number;
    /** Shared by the queues of one controller: sync restarts make a new queue, the counts go on. */
    stats?: UploadStats;
    /**
     * False for a file this PC must not send (one the council attached, brought to a village by a transfer file): it
     * counts as already on the server, like such records in the replication's push. Default: send everything.
     */
    isSentByThisPc?: (file: AttachedFile) => boolean;
    /** This app database's id, written into the server copy of each file's metadata (pull-filter.ts). */
    pc?: string;
  }) {
    this.pc = options.pc;
    this.isSentByThisPc = options.isSentByThisPc ?? (() => true);
    this.stats = options.stats ?? noUploadStats();
    this.db = options.db;
    this.client = options.client;
    this.dbName = options.dbName;
    this.hooks = options.hooks;
    this.baseRetryMs = options.baseRetryMs ?? 5_000;
    this.maxRetryMs = options.maxRetryMs ?? 60_000;
  }

  /**
   * Starts sending, and wakes up whenever a file is queued. `after`: the previous queue's end (a sync restart), so
   * that two queues never send the same chunk at once.
   */
  start(after: Promise<void> = Promise.resolve()): void {
    if (this.isRunning) return;
    this.isRunning = true;
    const sub = this.db.outbox.find({ selector: { target: 'files', state: 'waiting' } }).$.subscribe(() => this.wake());
    this.unsubscribe = () => sub.unsubscribe();
    this.finished = after.then(() => this.run());
  }

  /** Stops after the request in flight; resolves when it has ended (its chunk is found present, or sent, next time). */
  stop(): Promise<void> {
    this.isRunning = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.signal.wake();
    return this.finished;
  }

  /** Tries again now instead of waiting out the backoff (the link came back, or a new file was queued). */
  wake(): void {
    this.wanted = true;
    this.signal.wake();
  }

  private report(patch: Partial<UploadProgress>): void {
    this.progress = { ...this.progress, ...patch };
    this.hooks.onProgress(this.progress);
  }

  private async run(): Promise<void> {
    let delay = this.baseRetryMs;
    while (this.isRunning) {
      this.wanted = false;
      let failed = false;
      const sentBefore = this.stats.chunksSent;
      try {
        const files = await filesWaiting(this.db);
        this.report({
          filesWaiting: files.length,
          bytesTotal: files.reduce((n, f) => n + f.size, 0),
          bytesSent: 0,
          current: null,
        });
        for (const file of files) {
          if (!this.isRunning) return;
          await this.upload(file);
          this.report({ filesWaiting: this.progress.filesWaiting - 1 });
        }
        this.report({ current: null });
        delay = this.baseRetryMs;
      } catch (error) {
        const failure = classifyError(error);
        this.hooks.onFailure(failure);
        if (failure.kind === 'login') {
          this.stop();
          return;
        }
        failed = true;
        // A pass that moved bytes before the link failed proves the link works: start the backoff again.
        if (this.stats.chunksSent > sentBefore) delay = this.baseRetryMs;
      }
      if (!this.isRunning) return;
      if (failed) {
        await sleep(delay, this.signal);
        delay = Math.min(delay * 2, this.maxRetryMs);
      } else if (!this.wanted) {
        await sleep(this.maxRetryMs, this.signal);
      }
    }
  }

  /** Sends one file: its missing chunks, then its metadata. */
  private async upload(file: AttachedFile): Promise<void> {
    if (!this.isSentByThisPc(file)) {
      await markSent(this.db, 'files', [file.id]);
      return;
    }
    const blob = await localBytes(this.db, file.id);
    if (!blob) {
      // Only the metadata is here (say, restored from a backup of a PC that had never opened it): fine when the
      // server has the file, which its metadata document there proves; otherwise nothing can be sent.
      const isThere = (await this.client.existingIds(this.dbName, [fileDocId(file.id)])).size > 0;
      if (isThere) await markSent(this.db, 'files', [file.id]);
      else await markRejected(this.db, 'files', [{ docId: file.id, reason: 'the bytes of this file are not on this PC' }], now());
      return;
    }
    const plans = planChunks(file.size, file.chunkSize);
    const present = await this.client.existingIds(
      this.dbName,
      plans.map((p) => chunkDocId(file.id, p.n)),
    );
    this.hooks.onRequestOk();
    let sentOfFile = 0;
    const base = this.progress.bytesSent;
    const advance = (bytes: number) => {
      sentOfFile += bytes;
      this.report({ bytesSent: base + sentOfFile, current: { fileId: file.id, bytesSent: sentOfFile, size: file.size } });
    };
    advance(0);
    for (const plan of plans) {
      if (!this.isRunning) return;
      const id = chunkDocId(file.id, plan.n);
      if (present.has(id)) {
        if (!this.stats.confirmed.has(id)) this.stats.chunksSkipped++;
        this.stats.confirmed.add(id);
        advance(plan.end - plan.start);
        continue;
      }
      const bytes = new Uint8Array(await blob.slice(plan.start, plan.end).arrayBuffer());
      this.stats.chunkAttempts++;
      const [row] = await this.client.bulkDocs(this.dbName, [chunkToCouch(file, plan.n, bytes)]);
      this.hooks.onRequestOk();
      if (!(await this.accepted(file, row))) return;
      if (row?.error === 'conflict') {
        if (!this.stats.confirmed.has(id)) this.stats.chunksSkipped++;
      } else this.stats.chunksSent++;
      this.stats.confirmed.add(id);
      advance(bytes.byteLength);
    }
    // The metadata is a write-once record with its one revision: the answer is empty unless it was refused.
    const [row] = await this.client.bulkDocs(this.dbName, [fileToCouch(file, this.pc)], { newEdits: false });
    if (!(await this.accepted(file, row))) return;
    await markSent(this.db, 'files', [file.id]);
    this.stats.filesDone++;
  }

  /** Reads one `_bulk_docs` row: saved or already there goes on; 401 stops; a refusal sets the file aside. */
  private async accepted(file: AttachedFile, row: BulkRow | undefined): Promise<boolean> {
    if (!row?.error || row.error === 'conflict') return true;
    if (row.error === 'unauthorized') throw new SyncError({ kind: 'login', status: 401, detail: row.reason ?? row.error });
    await markRejected(this.db, 'files', [{ docId: file.id, reason: [row.error, row.reason].filter(Boolean).join(': ') }], now());
    return false;
  }
}

const now = () => new Date().toISOString();
