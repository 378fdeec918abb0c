/**
 * Backup and transfer files (issue 4): making them from the local database and importing them into it. A file is read
 * whole, decoded, checked against this PC and every record validated before the first write; then only records not yet
 * present are inserted, so importing a file twice changes nothing and records that also arrive by sync are never
 * duplicated (same id, same record).
 */

import { isVillageCode, isWorkstation } from '../../../shared/domain/indexes/reg-index';
import { isRole } from '../../../shared/domain/permissions/permissions';
import type { Problem } from '../../../shared/domain/problem';
import { err, ok, type Result } from '../../../shared/lib/result';
import {
  allowedVillage,
  backupProblem,
  CENTRAL_CODE,
  transferProblem,
  type Workplace,
} from '../../../shared/transfer/acceptance';
import { sendsRecord } from '../../../shared/transfer/authorship';
import {
  checkFileInfo,
  decodeTransferFile,
  encodeTransferFile,
  FILE_EXTENSION,
  type TransferFile,
  type TransferKind,
} from '../../../shared/transfer/format';
import { TRANSFER_PROBLEMS } from '../../../shared/transfer/problems';
import type { AppDatabase } from '../database';
import { type Profile, saveProfile } from '../profile.repository';
import { refreshRows } from '../register-projection';
import { saveLastBackupAt } from './backup-state';
import { recordProblems } from './record-checks';
import { DATA_COLLECTIONS, insertNew, queueForSending, readRecords, schemaVersions } from './transfer.repository';
import { webCodec } from './web-codec';

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
}

/** `2026-11-27T21:05:00.000Z` → `2026-11-27-2105`. */
const stamp = (iso: string) => iso.slice(0, 16).replace('T', '-').replace(':', '');

function countsOf(collections: Record<string, unknown[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(collections).map(([n, docs]) => [n, docs.length]));
}

/** The whole local database (every data collection, attachments included) and the profile, as a backup file. */
export async function makeBackup(db: AppDatabase, profile: Profile, appVersion: string, now: Date): Promise<MadeFile> {
  const collections = await readRecords(db, DATA_COLLECTIONS, null);
  const createdAt = now.toISOString();
  const bytes = await encodeTransferFile(
    {
      appVersion,
      kind: 'backup',
      createdAt,
      community: profile.communityCode ?? null,
      from: profile.villageCode,
      to: null,
      schemaVersions: schemaVersions(db, DATA_COLLECTIONS),
    },
    { collections, profile: { ...profile } },
    webCodec,
  );
  await saveLastBackupAt(db, createdAt);
  return {
    fileName: `open-village-${profile.villageCode}-${stamp(createdAt)}${FILE_EXTENSION.backup}`,
    bytes,
    counts: countsOf(collections),
  };
}

/**
 * A transfer file. From a village: all of the village's records, for the council. Records are write-once, so sending
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
): Promise<Result<MadeFile, Problem>> {
  if (!profile.communityCode) return err(TRANSFER_PROBLEMS.noCommunity());
  const isCentral = profile.villageCode === CENTRAL_CODE;
  const target = isCentral ? to : CENTRAL_CODE;
  if (isCentral && (!isVillageCode(target) || target === CENTRAL_CODE)) return err(TRANSFER_PROBLEMS.otherVillage(to));
  const village = isCentral ? target : profile.villageCode;
  const collections = await readRecords(db, DATA_COLLECTIONS, village);
  const createdAt = now.toISOString();
  const bytes = await encodeTransferFile(
    {
      appVersion,
      kind: 'transfer',
      createdAt,
      community: profile.communityCode,
      from: profile.villageCode,
      to: target,
      schemaVersions: schemaVersions(db, DATA_COLLECTIONS),
    },
    { collections, profile: null },
    webCodec,
  );
  return ok({
    fileName: `open-village-${profile.villageCode}-to-${target}-${stamp(createdAt)}${FILE_EXTENSION.transfer}`,
    bytes,
    counts: countsOf(collections),
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

/** Reads and decodes a picked file after the checks that need no byte of it. */
async function readFile(file: PickedFile, kind: TransferKind, appVersion: string, db: AppDatabase) {
  const early = checkFileInfo(file, kind);
  if (early) return err(early);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return decodeTransferFile(bytes, { appVersion, schemaVersions: schemaVersions(db, DATA_COLLECTIONS) }, webCodec);
}

/** The first problem among the file's records (structure, and the village they must belong to), or null. */
function firstRecordProblem(file: TransferFile): Problem | null {
  const village = allowedVillage(file.header);
  for (const [name, docs] of Object.entries(file.body.collections)) {
    for (const doc of docs) {
      const problems = recordProblems(name, doc);
      if (problems.length > 0) return TRANSFER_PROBLEMS.invalidDocument(name, doc.id, problems.slice(0, 3).join('; '));
      if (village && doc.villageId !== village) return TRANSFER_PROBLEMS.foreignDocument(name, doc.id);
    }
  }
  return null;
}

/** Writes the records of a checked file: new ones only, then their outbox rows and register rows. */
async function writeRecords(db: AppDatabase, file: TransferFile, pcRole: Profile['role'], now: Date): Promise<ImportReport> {
  const inserted: Record<string, number> = {};
  let present = 0;
  const appealIds = new Set<string>();
  // In this app's order (appeals before events). A file naming a collection this app lacks never gets here: decoding
  // refuses it as made by a newer version.
  const names = DATA_COLLECTIONS.filter((n) => n in file.body.collections);
  for (const name of names) {
    const docs = file.body.collections[name] ?? [];
    const fresh = await insertNew(db, name, docs);
    inserted[name] = fresh.length;
    present += docs.length - fresh.length;
    const toSend = fresh.filter((d) => sendsRecord(pcRole, d)).map((d) => d.id);
    await queueForSending(db, name, toSend, now.toISOString());
    for (const d of fresh) {
      if (name === 'appeals') appealIds.add(d.id);
      else if (typeof d.appealId === 'string') appealIds.add(d.appealId);
    }
  }
  const ids = [...appealIds];
  for (let i = 0; i < ids.length; i += 500) await refreshRows(db, ids.slice(i, i + 500));
  return { inserted, present, restoredProfile: null };
}

/**
 * Restores a backup: on a fresh PC (no profile) with the profile it carries, so that registration indexes continue
 * where the old PC stopped; on a set-up PC only a backup of the same village (records it lacks are added).
 */
export async function restoreBackup(
  db: AppDatabase,
  file: PickedFile,
  profile: Profile | null,
  appVersion: string,
  now: Date,
): Promise<Result<ImportReport, Problem>> {
  const read = await readFile(file, 'backup', appVersion, db);
  if (!read.ok) return read;
  const pc = workplaceOf(profile);
  const refused = backupProblem(read.value.header, pc) ?? firstRecordProblem(read.value);
  if (refused) return err(refused);
  const restored = profile ? null : profileOf(read.value.body.profile);
  if (!profile && !restored) return err(TRANSFER_PROBLEMS.damaged());
  const role = profile?.role ?? restored?.role ?? 'clerk';
  const report = await writeRecords(db, read.value, role, now);
  // The profile last: should the records' write be cut, the PC is still fresh and the restore can simply be repeated.
  if (restored) await saveProfile(db, restored);
  return ok({ ...report, restoredProfile: restored });
}

/** Imports a transfer file at its destination (the council, or the village it is for). */
export async function importTransfer(
  db: AppDatabase,
  file: PickedFile,
  profile: Profile | null,
  appVersion: string,
  now: Date,
): Promise<Result<ImportReport, Problem>> {
  const read = await readFile(file, 'transfer', appVersion, db);
  if (!read.ok) return read;
  const pc = workplaceOf(profile);
  const refused = transferProblem(read.value.header, pc) ?? firstRecordProblem(read.value);
  if (refused || !profile) return err(refused ?? TRANSFER_PROBLEMS.notSetUp());
  return ok(await writeRecords(db, read.value, profile.role, now));
}
