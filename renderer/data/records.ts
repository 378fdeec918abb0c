/**
 * The facade the screens use (docs/conventions.md, "Screens see commands, not the database"): commands that write
 * through the repositories, so every record passes `ingest` as before, and queries that read or follow the data.
 * Created once at start-up with the database, this PC's identity, the clock and the sync session; features reach it
 * as `useApp().records` and never see the database, its collections or CouchDB id prefixes.
 */
import type { IsoDate } from '../../shared/lib/dates';
import type { AppDatabase } from './database';
import type { FetchFile } from './files/open-file';
import type { Profile } from './profile.repository';
import { type RecordCommands, recordCommands } from './records-commands';
import { type RecordQueries, recordQueries } from './records-queries';
import type { SyncConfig } from './sync/sync-config';

export type { RegisterResult } from './appeals.repository';
export type { RecordResult } from './events.repository';
export type { OpenFileResult } from './files/open-file';
export type { FileListItem, StoreFilesResult } from './files.repository';
export type { SetAsideEntry } from './ingest/set-aside';
export type { RecordCommands } from './records-commands';
export type { ForgedRecord, RecordQueries, VillageStatus } from './records-queries';
export type { ImportReport, MadeFile, PickedFile, TransferProgress } from './transfer/transfer-service';

/** The moment a command happens and the calendar day it falls on. */
export interface Clock {
  now: Date;
  today: IsoDate;
}

/** What the facade needs of the sync session (SyncService): the council's documents and the fetch of file bytes. */
export interface RecordsSync {
  /** Where and as whom this PC syncs; null before the first login. */
  readonly config: Pick<SyncConfig, 'role'> | null;
  /** The running sync, whose `fetchFile` reads a file's bytes from the server (null while logged out). */
  readonly controller: { readonly fetchFile: FetchFile } | null;
  /** Documents of the user's own server database by `_id` prefix; rejects when the server cannot be reached. */
  serverDocs<T>(prefix: string): Promise<T[]>;
  /** Documents of the user's own server database with a second branch (view `ov/conflicts`); rejects as `serverDocs`. */
  serverConflicts(): Promise<{ id: string; conflicts: string[]; doc: { villageId?: unknown } | null }[]>;
}

export interface RecordsDeps {
  db: AppDatabase;
  /** This PC's profile at start (null before setup); `saveProfile` replaces it. */
  profile: Profile | null;
  /** Read at each command: the UI's real time (appClock), a fixed one in tests. */
  clock: () => Clock;
  sync: RecordsSync;
  /** This build's version, written into backup and transfer files and checked when reading them. */
  appVersion: string;
  /** The signed-in operator: named on every record made, whatever name a saved or restored profile carries. */
  operator?: string;
}

/** What the commands and queries of one facade share (not for features). */
export interface RecordsSession {
  readonly db: AppDatabase;
  readonly sync: RecordsSync;
  readonly clock: () => Clock;
  readonly appVersion: string;
  /** This PC's profile, or null before setup. */
  identity(): Profile | null;
  /** This PC's profile, for commands that exist only once it is set up (the screens that call them need one). */
  profile(): Profile;
  setIdentity(profile: Profile): void;
}

/** The screens' commands and queries. */
export type Records = RecordCommands & RecordQueries;

/** Builds the facade over one database; the identity follows `saveProfile` and a backup that brings a profile. */
export function createRecords(deps: RecordsDeps): Records {
  const signed = (profile: Profile | null): Profile | null =>
    profile && deps.operator !== undefined ? { ...profile, operatorName: deps.operator } : profile;
  let current = signed(deps.profile);
  const session: RecordsSession = {
    db: deps.db,
    sync: deps.sync,
    clock: deps.clock,
    appVersion: deps.appVersion,
    identity: () => current,
    profile: () => {
      if (!current) throw new Error('this PC is not set up yet: no profile');
      return current;
    },
    setIdentity: (profile) => {
      current = signed(profile);
    },
  };
  return { ...recordCommands(session), ...recordQueries(session) };
}
