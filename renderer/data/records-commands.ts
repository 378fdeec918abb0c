import type { Appeal, AppealDraft } from '../../shared/domain/appeal/appeal.types';
import type { EventKind, EventPayloads } from '../../shared/domain/events/event.types';
import type { AttachedFile } from '../../shared/domain/files/file.types';
import type { Problem } from '../../shared/domain/problem';
import type { Result } from '../../shared/lib/result';
import type { FilePreview, TransferKind } from '../../shared/transfer/format';
import { type RegisterResult, registerAppeal } from './appeals.repository';
import { type RecordResult, recordEvent } from './events.repository';
import { type OpenFileResult, openFile } from './files/open-file';
import type { PreparedFile } from './files/prepare-file';
import { type StoreFilesResult, storeFiles } from './files.repository';
import { type Profile, saveProfile } from './profile.repository';
import type { RecordsSession } from './records';
import { ensureRegister } from './register-projection';
import {
  type ImportReport,
  importTransfer,
  type MadeFile,
  makeBackup,
  makeTransfer,
  type OnProgress,
  type PickedFile,
  previewFile,
  restoreBackup,
} from './transfer/transfer-service';

/** What the screens can do: each command goes through its repository, with this PC's identity and the clock's time. */
export interface RecordCommands {
  /** Registers an appeal under this PC's index (through ingest); nothing is written when the draft has problems. */
  registerAppeal(draft: AppealDraft): Promise<RegisterResult>;
  /** Records one event about an appeal, checked against the stored appeal, the role and the payload. */
  recordEvent<K extends EventKind>(appeal: Pick<Appeal, 'id'>, kind: K, payload: EventPayloads[K]): Promise<RecordResult>;
  /** Stores checked files of an appeal, all or none, and queues them for upload. */
  attachFiles(appeal: Pick<Appeal, 'id' | 'villageId'>, files: readonly PreparedFile[]): Promise<StoreFilesResult>;
  /** A file's bytes: from this PC, else fetched from the server (when logged in), checked and kept here. */
  openFile(file: AttachedFile): Promise<OpenFileResult>;
  /**
   * The whole local database and the profile as a backup file encrypted with the passphrase (never stored);
   * remembers when it was made. `onProgress` hears how far it has come (transfer/progress.ts).
   */
  makeBackup(passphrase: string, onProgress?: OnProgress): Promise<MadeFile>;
  /**
   * A picked file's readable header before the passphrase is asked for, or why it cannot be opened on `onto` (this
   * PC's profile, or null on a fresh PC).
   */
  previewFile(file: PickedFile, kind: TransferKind, onto: Profile | null): Promise<Result<FilePreview, Problem>>;
  /**
   * Restores a backup onto `onto`: this PC's profile, or null on a fresh PC (the setup screen), when the backup brings
   * the profile; a restored profile becomes this PC's identity.
   */
  restoreBackup(
    file: PickedFile,
    onto: Profile | null,
    passphrase: string,
    onProgress?: OnProgress,
  ): Promise<Result<ImportReport, Problem>>;
  /** A transfer file for the other side (the council from a village PC, village `to` from the council's), encrypted. */
  makeTransfer(to: string, passphrase: string, onProgress?: OnProgress): Promise<Result<MadeFile, Problem>>;
  /** Imports a transfer file meant for this PC. */
  importTransfer(file: PickedFile, passphrase: string, onProgress?: OnProgress): Promise<Result<ImportReport, Problem>>;
  /** Saves this PC's profile (setup, login, the community code); commands act as it from now on. */
  saveProfile(profile: Profile): Promise<void>;
  /** Rebuilds register rows missing after an interrupted write (their change events reach the index). */
  repairRegister(): Promise<void>;
}

/** The commands of one facade (records.ts). */
export function recordCommands(session: RecordsSession): RecordCommands {
  const { db, clock, appVersion } = session;
  // Async all through: a command called before setup rejects (session.profile()) instead of throwing at the call.
  return {
    registerAppeal: async (draft) => registerAppeal(db, session.profile(), draft, clock()),
    recordEvent: async (appeal, kind, payload) => recordEvent(db, session.profile(), appeal, kind, payload, clock()),
    attachFiles: async (appeal, files) => storeFiles(db, session.profile(), appeal, files, clock().now),
    // Read at the call: the sync session may have started or ended since the facade was made.
    openFile: async (file) => openFile(db, file, session.sync.controller?.fetchFile ?? null),
    makeBackup: async (passphrase, onProgress) =>
      makeBackup(db, session.profile(), appVersion, clock().now, passphrase, onProgress),
    previewFile: async (file, kind, onto) => previewFile(db, file, kind, onto, appVersion),
    restoreBackup: async (file, onto, passphrase, onProgress) => {
      const result = await restoreBackup(db, file, onto, appVersion, clock().now, passphrase, onProgress);
      if (result.ok && result.value.restoredProfile) session.setIdentity(result.value.restoredProfile);
      return result;
    },
    makeTransfer: async (to, passphrase, onProgress) =>
      makeTransfer(db, session.profile(), to, appVersion, clock().now, passphrase, onProgress),
    importTransfer: async (file, passphrase, onProgress) =>
      importTransfer(db, file, session.identity(), appVersion, clock().now, passphrase, onProgress),
    saveProfile: async (profile) => {
      await saveProfile(db, profile);
      session.setIdentity(profile);
    },
    repairRegister: async () => {
      await ensureRegister(db);
    },
  };
}
