import type { OutboxRow } from '../../../shared/schema/outbox.schema';
import type { DownloadProgress } from './pull-progress';
import type { SyncFailure } from './sync-failure';
import { NO_UPLOADS, type UploadProgress } from './upload-queue';

/** What the status bar shows: the truth about the link, the queue and the last successful sync. */
export interface SyncStatus {
  /** A server is set up on this PC. */
  isConfigured: boolean;
  /** Replication runs (false after a 401 until the user logs in again, or before any login). */
  isRunning: boolean;
  /** Documents are moving right now. */
  isActive: boolean;
  /** The last request reached the server. */
  isOnline: boolean;
  /** Why the last attempt failed; null after a success. */
  failure: SyncFailure | null;
  /** Local records the server has not confirmed yet. */
  waiting: number;
  /** Records the server refused, with its reasons. */
  rejected: OutboxRow[];
  /** ISO time of the last moment everything was sent and received. */
  lastSyncAt: string | null;
  /** Documents sent and received since the app started (progress during a long sync). */
  sent: number;
  received: number;
  /** Attached files waiting to be sent, and bytes sent of them. */
  uploads: UploadProgress;
  /** A long pull under way (a new PC's first sync): changes read of the total, and the time left; else null. */
  download: DownloadProgress | null;
}

export const INITIAL_STATUS: SyncStatus = {
  isConfigured: false,
  isRunning: false,
  isActive: false,
  isOnline: false,
  failure: null,
  waiting: 0,
  rejected: [],
  lastSyncAt: null,
  sent: 0,
  received: 0,
  uploads: NO_UPLOADS,
  download: null,
};

/** What "sync now" reports when it ends. */
export type SyncReport =
  | { ok: true; sent: number; received: number }
  | { ok: false; failure: SyncFailure; sent: number; received: number };
