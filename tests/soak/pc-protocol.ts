/** Messages between the soak runner and a PC's thread (pc-worker.ts). */
import type { SyncReport, SyncStatus } from '../../renderer/data/sync/sync-status';

/** Who the PC is and where it syncs. */
export interface PcSetup {
  /** RxDB database name, kept across the app's restarts. */
  name: string;
  serverUrl: string;
  username: string;
  password: string;
  role: 'starosta' | 'central';
  /** The village's code, or `central` for the council's PC. */
  villageId: string;
  community: string;
}

/** A record as the soak compares it: id, village, and its content as canonical JSON. */
export interface RecordView {
  collection: 'appeals' | 'events';
  id: string;
  villageId: string;
  content: string;
}

/** What the PC holds and what its status bar says, read in one go. */
export interface PcSnapshot {
  records: RecordView[];
  setAside: number;
  setAsideSample: string[];
  outboxWaiting: number;
  outboxRejected: number;
  status: SyncStatus;
}

export type PcRequest =
  | { op: 'init'; setup: PcSetup }
  | { op: 'register'; appeals: number; eventsPer: number[]; offsetDays: number }
  | { op: 'comment'; count: number; offsetDays: number; pickSeed: number }
  | { op: 'restart' }
  | { op: 'login'; password: string }
  | { op: 'syncNow'; timeoutMs: number }
  | { op: 'status' }
  | { op: 'snapshot' }
  | { op: 'close' };

export interface PcAnswers {
  init: null;
  register: RecordView[];
  comment: RecordView[];
  restart: { before: number; after: number; waitingBefore: number; waitingAfter: number };
  login: null;
  syncNow: SyncReport;
  status: SyncStatus;
  snapshot: PcSnapshot;
  close: { warnings: number };
}
