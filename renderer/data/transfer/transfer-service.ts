/**
 * Backup and transfer files (issue 4): making them from the local database and importing them into it. A file is
 * opened (decrypted and authenticated), checked against this PC, and every record checked before the first write (the
 * file-level rules of record-checks.ts, then ingest's acceptance check, the one every path uses); a file is all or
 * nothing. Records are read, written and checked page by page (file-writer.ts, file-import.ts), with progress, so a
 * register of 150,000 appeals is never held whole (docs/backups-at-scale.md). The records go in through ingest, which
 * inserts only records not yet present, so importing a file twice changes nothing and records that also arrive by sync
 * are never duplicated (same id, same record). A record that contradicts one this PC holds (same id, other content)
 * refuses the whole file.
 */

import { isVillageCode, isWorkstation } from '../../../shared/domain/indexes/reg-index';
import { isRole } from '../../../shared/domain/permissions/permissions';
import type { Problem } from '../../../shared/domain/problem';
import { err, ok, type Result } from '../../../shared/lib/result';
import { backupProblem, CENTRAL_CODE, transferProblem, type Workplace } from '../../../shared/transfer/acceptance';
import { authorRole } from '../../../shared/transfer/authorship';
import {
  checkFileInfo,
  FILE_EXTENSION,
  type FilePreview,
  type OpenedFile,
  openTransferFile,
  previewTransferFile,
  type TransferKind,
} from '../../../shared/transfer/format';
import { TRANSFER_PROBLEMS } from '../../../shared/transfer/problems';
import type { AppDatabase } from '../database';
import { type Profile, saveProfile } from '../profile.repository';
import { saveLastBackupAt } from './backup-state';
import { bodyProfile, checkRecords, writeRecords } from './file-import';
import { writeFile } from './file-writer';
import { type OnProgress, progressTo } from './progress';
import { DATA_COLLECTIONS, schemaVersions } from './transfer.repository';
import { webCodec } from './web-codec';

export type { OnProgress, TransferPhase, TransferProgress } from './progress';

/** A file chosen by the user: what the input element gives (File has all three). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface MadeFile {
  fileName: string;
  bytes: Uint8Array;
  counts: Record<string, number>;
}

export interface ImportReport {
  /** Records inserted, by collection. */
  inserted: Record<string, number>;
  /** Records of the file this PC already held. */
  present: number;
  /** The profile restored on a fresh PC, else null. */
  restoredProfile: Profile | null;
  /** False for a version 1 file: it travelled unencrypted, and the screen says so. */
  wasEncrypted: boolean;
}

/** `2026-11-27T21:05:00.000Z` → `2026-11-27-2105`. */
const stamp = (iso: string) => iso.slice(0, 16).replace('T', '-').replace(':', '');

/**
 * The whole local database (every data collection, attachments included) and the profile, as a backup file encrypted
 * with the passphrase (at least MIN_PASSPHRASE_LENGTH characters: a shorter one throws, screens check it first).
 */
export async function makeBackup(
  db: AppDatabase,
  profile: Profile,
  appVersion: string,
  now: Date,
  passphrase: string,
  onProgress?: OnProgress,
): Promise<MadeFile> {
  const createdAt = now.toISOString();
  const meta = {
    appVersion,
    kind: 'backup' as const,
    createdAt,
    community: profile.communityCode ?? null,
    from: profile.villageCode,
    to: null,
  };
  const { bytes, counts } = await writeFile(db, meta, { ...profile }, null, passphrase, onProgress);
  await saveLastBackupAt(db, createdAt);
  return {
    fileName: `open-village-${profile.villageCode}-${stamp(createdAt)}${FILE_EXTENSION.backup}`,
    bytes,
    counts,
  };
}

/**
 * A transfer file. From a village: all the records the village wrote, for the council. Records are write-once, so sending
 * some the council already has costs bytes (~0.25 MB per 1,000 appeals) but never duplicates anything, while "only what
 * the council has not confirmed" would trust bookkeeping that a lost answer or a restored PC can get wrong. From the
 * council: all records of the one village `to`, which brings the council's answers and anything the village lost.
 */
export async function makeTransfer(
  db: AppDatabase,
  profile: Profile,
  to: string,
  appVersion: string,
  now: Date,
  passphrase: string,
  onProgress?: OnProgress,
): Promise<Result<MadeFile, Problem>> {
  if (!profile.communityCode) return err(TRANSFER_PROBLEMS.noCommunity());
  const isCentral = profile.villageCode === CENTRAL_CODE;
  const target = isCentral ? to : CENTRAL_CODE;
  if (isCentral && (!isVillageCode(target) || target === CENTRAL_CODE)) return err(TRANSFER_PROBLEMS.otherVillage(to));
  const village = isCentral ? target : profile.villageCode;
  // A village hands on only what it wrote: the council's own records (its answers, which reached the village by sync
  // or by file) are the council's already, and a village's file holding one is refused there (record-checks.ts).
  const keep = (doc: Record<string, unknown>) => doc.villageId === village && (isCentral || authorRole(doc) !== 'central');
  const createdAt = now.toISOString();
  const meta = {
    appVersion,
    kind: 'transfer' as const,
    createdAt,
    community: profile.communityCode,
    from: profile.villageCode,
    to: target,
  };
  const { bytes, counts } = await writeFile(db, meta, null, keep, passphrase, onProgress);
  return ok({
    fileName: `open-village-${profile.villageCode}-to-${target}-${stamp(createdAt)}${FILE_EXTENSION.transfer}`,
    bytes,
    counts,
  });
}

/** What the acceptance rules need to know of this PC (null: not set up yet). */
function workplaceOf(profile: Profile | null): Workplace {
  return profile ? { villageCode: profile.villageCode, communityCode: profile.communityCode ?? null } : null;
}

/** The profile a backup carries, when it is a usable one. */
function profileOf(saved: Profile | null): Profile | null {
  if (!saved) return null;
  const { villageCode, villageName, workstation, operatorName, role, communityCode } = saved;
  if (!isVillageCode(villageCode) || !isWorkstation(workstation) || !isRole(role)) return null;
  if (typeof villageName !== 'string' || typeof operatorName !== 'string') return null;
  if (communityCode !== undefined && !isVillageCode(communityCode)) return null;
  return { villageCode, villageName, workstation, operatorName, role, ...(communityCode ? { communityCode } : {}) };
}

/** The bytes of a picked file after the checks that need none of them, or why not. */
async function bytesOf(file: PickedFile, kind: TransferKind): Promise<Result<Uint8Array, Problem>> {
  const early = checkFileInfo(file, kind);
  if (early) return err(early);
  return ok(new Uint8Array(await file.arrayBuffer()));
}

/** Reads, decrypts and authenticates a picked file (the one key derivation of an import happens here). */
async function openFile(
  file: PickedFile,
  kind: TransferKind,
  appVersion: string,
  db: AppDatabase,
  passphrase: string,
): Promise<Result<OpenedFile, Problem>> {
  const bytes = await bytesOf(file, kind);
  if (!bytes.ok) return bytes;
  const app = { appVersion, schemaVersions: schemaVersions(db, DATA_COLLECTIONS) };
  return openTransferFile(bytes.value, app, webCodec, passphrase);
}

/**
 * What a picked file says about itself before the passphrase is asked for: its readable header (kind, village,
 * community, date, counts) and whether it is encrypted. Whether it may be imported on this PC is checked here on that
 * header already, so nobody types a passphrase (and waits for the key derivation) for a file of another community;
 * the header is not yet authenticated here, so the import checks again on the authenticated one.
 */
export async function previewFile(
  db: AppDatabase,
  file: PickedFile,
  kind: TransferKind,
  profile: Profile | null,
  appVersion: string,
): Promise<Result<FilePreview, Problem>> {
  const bytes = await bytesOf(file, kind);
  if (!bytes.ok) return bytes;
  const app = { appVersion, schemaVersions: schemaVersions(db, DATA_COLLECTIONS) };
  const preview = await previewTransferFile(bytes.value, app, webCodec);
  if (!preview.ok) return preview;
  const pc = workplaceOf(profile);
  const refused = kind === 'backup' ? backupProblem(preview.value.header, pc) : transferProblem(preview.value.header, pc);
  return refused ? err(refused) : preview;
}

/**
 * Restores a backup: on a fresh PC (no profile) with the profile it carries, so that registration indexes continue
 * where the old PC stopped; on a set-up PC only a backup of the same village (records it lacks are added). The file
 * is decrypted and authenticated first, and the village and community are checked on the authenticated header: a
 * header edited to pass the check fails authentication, one edited to fail it is refused either way.
 */
export async function restoreBackup(
  db: AppDatabase,
  file: PickedFile,
  profile: Profile | null,
  appVersion: string,
  now: Date,
  passphrase: string,
  onProgress?: OnProgress,
): Promise<Result<ImportReport, Problem>> {
  const report = progressTo(onProgress);
  report({ phase: 'decrypting', done: 0, total: 0 });
  const opened = await openFile(file, 'backup', appVersion, db, passphrase);
  if (!opened.ok) return opened;
  const pc = workplaceOf(profile);
  const early = backupProblem(opened.value.header, pc);
  if (early) return err(early);
  let restored: Profile | null = null;
  if (!profile) {
    const carried = await bodyProfile(opened.value);
    if (!carried.ok) return carried;
    restored = profileOf(carried.value as Profile | null);
  }
  const workplace = profile ?? restored;
  // A fresh PC checks the records against the rules of the workplace the backup restores; without one, it has none.
  if (!workplace) return err(TRANSFER_PROBLEMS.damaged());
  const refused = await checkRecords(db, opened.value, 'backup', workplace, report);
  if (refused) return err(refused);
  const written = await writeRecords(db, opened.value, 'backup', workplace, now, report);
  if (!written.ok) return written;
  // The profile last: should the records' write be cut, the PC is still fresh and the restore can simply be repeated.
  if (restored) await saveProfile(db, restored);
  return ok({ ...written.value, restoredProfile: restored, wasEncrypted: opened.value.isEncrypted });
}

/** Imports a transfer file at its destination (the council, or the village it is for), after authenticating it. */
export async function importTransfer(
  db: AppDatabase,
  file: PickedFile,
  profile: Profile | null,
  appVersion: string,
  now: Date,
  passphrase: string,
  onProgress?: OnProgress,
): Promise<Result<ImportReport, Problem>> {
  const report = progressTo(onProgress);
  report({ phase: 'decrypting', done: 0, total: 0 });
  const opened = await openFile(file, 'transfer', appVersion, db, passphrase);
  if (!opened.ok) return opened;
  const pc = workplaceOf(profile);
  const early = transferProblem(opened.value.header, pc);
  if (early || !profile) return err(early ?? TRANSFER_PROBLEMS.notSetUp());
  const refused = await checkRecords(db, opened.value, 'transfer', profile, report);
  if (refused) return err(refused);
  const written = await writeRecords(db, opened.value, 'transfer', profile, now, report);
  if (!written.ok) return written;
  return ok({ ...written.value, restoredProfile: null, wasEncrypted: opened.value.isEncrypted });
}
