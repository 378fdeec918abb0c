/**
 * Backup and transfer files (issue 4): making them from the local database and importing them into it. A file is read
 * whole, decoded, checked against this PC and every record checked before the first write (the file-level rules of
 * record-checks.ts, then ingest's acceptance check, the one every path uses); a file is all or nothing. Then the
 * records go in through ingest, which inserts only records not yet present, so importing a file twice changes nothing
 * and records that also arrive by sync are never duplicated (same id, same record). A record that contradicts one
 * this PC holds (same id, other content) refuses the whole file.
 */

import { isVillageCode, isWorkstation } from '../../../shared/domain/indexes/reg-index';
import { isRole } from '../../../shared/domain/permissions/permissions';
import { type Problem, problem } from '../../../shared/domain/problem';
import { err, ok, type Result } from '../../../shared/lib/result';
import { backupProblem, CENTRAL_CODE, transferProblem, type Workplace } from '../../../shared/transfer/acceptance';
import { sendsRecord } from '../../../shared/transfer/authorship';
import {
  checkFileInfo,
  decodeTransferFile,
  encodeTransferFile,
  FILE_EXTENSION,
  type FilePreview,
  previewTransferFile,
  type TransferFile,
  type TransferKind,
} from '../../../shared/transfer/format';
import { TRANSFER_PROBLEMS } from '../../../shared/transfer/problems';
import type { AppDatabase } from '../database';
import { type IngestCollection, type IngestSource, ingest } from '../ingest/ingest';
import { type Profile, saveProfile } from '../profile.repository';
import { saveLastBackupAt } from './backup-state';
import { fileRecordProblem } from './record-checks';
import { DATA_COLLECTIONS, queueForSending, readRecords, schemaVersions } from './transfer.repository';
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
  /** False for a version 1 file: it travelled unencrypted, and the screen says so. */
  wasEncrypted: boolean;
}

/** `2026-11-27T21:05:00.000Z` → `2026-11-27-2105`. */
const stamp = (iso: string) => iso.slice(0, 16).replace('T', '-').replace(':', '');

function countsOf(collections: Record<string, unknown[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(collections).map(([n, docs]) => [n, docs.length]));
}

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
): Promise<MadeFile> {
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
    passphrase,
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
  passphrase: string,
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
    passphrase,
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

/** The bytes of a picked file after the checks that need none of them, or why not. */
async function bytesOf(file: PickedFile, kind: TransferKind): Promise<Result<Uint8Array, Problem>> {
  const early = checkFileInfo(file, kind);
  if (early) return err(early);
  return ok(new Uint8Array(await file.arrayBuffer()));
}

/** Reads, decrypts and decodes a picked file (the one key derivation of an import happens here). */
async function readFile(file: PickedFile, kind: TransferKind, appVersion: string, db: AppDatabase, passphrase: string) {
  const bytes = await bytesOf(file, kind);
  if (!bytes.ok) return bytes;
  const app = { appVersion, schemaVersions: schemaVersions(db, DATA_COLLECTIONS) };
  return decodeTransferFile(bytes.value, app, webCodec, passphrase);
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

const INGESTED: readonly string[] = ['appeals', 'events', 'files'] satisfies IngestCollection[];

/** The file's collections in this app's order (appeals before events). */
function collectionsOf(file: TransferFile): [IngestCollection, TransferFile['body']['collections'][string]][] {
  // A file naming a collection this app lacks never gets here: decoding refuses it as made by a newer version.
  return DATA_COLLECTIONS.filter((n) => n in file.body.collections && INGESTED.includes(n)).map((n) => [
    n as IngestCollection,
    file.body.collections[n] ?? [],
  ]);
}

/**
 * The first problem among the file's records, or null: the file-level rules (the village they must belong to), then
 * ingest's acceptance check of each record for this PC, before anything is written.
 */
async function firstRecordProblem(
  db: AppDatabase,
  file: TransferFile,
  source: IngestSource,
  profile: Profile | null,
): Promise<Problem | null> {
  const fileLevel = fileRecordProblem(file);
  if (fileLevel) return fileLevel;
  for (const [name, docs] of collectionsOf(file)) {
    const { refused } = await ingest(db, name, docs, source, { mode: 'check', profile });
    const first = refused[0];
    if (!first) continue;
    return first.isTamper
      ? problem(
          '',
          'tampered-document',
          `Запис ${name}/${first.id} у файлі суперечить уже зареєстрованому (${first.reason.uk}): нічого не імпортовано`,
          `Record ${name}/${first.id} in the file contradicts one already registered (${first.reason.en}): nothing was imported`,
        )
      : problem(
          '',
          'invalid-document',
          `Запис ${name}/${first.id} у файлі неправильний (${first.reason.uk}): нічого не імпортовано`,
          `Record ${name}/${first.id} in the file is invalid (${first.reason.en}): nothing was imported`,
        );
  }
  return null;
}

/** Writes the records of a checked file through ingest: new ones only, then their outbox rows. */
async function writeRecords(
  db: AppDatabase,
  file: TransferFile,
  source: IngestSource,
  profile: Profile,
  now: Date,
): Promise<ImportReport> {
  const inserted: Record<string, number> = {};
  let present = 0;
  for (const [name, docs] of collectionsOf(file)) {
    const { accepted, written } = await ingest(db, name, docs, source, { profile, now });
    inserted[name] = written.length;
    present += accepted.length - written.length;
    const toSend = written.filter((d) => sendsRecord(profile.role, d)).map((d) => d.id);
    await queueForSending(db, name, toSend, now.toISOString());
  }
  // Register rows follow the collections by themselves (projection.ts).
  return { inserted, present, restoredProfile: null, wasEncrypted: file.isEncrypted };
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
): Promise<Result<ImportReport, Problem>> {
  const read = await readFile(file, 'backup', appVersion, db, passphrase);
  if (!read.ok) return read;
  const pc = workplaceOf(profile);
  const early = backupProblem(read.value.header, pc);
  if (early) return err(early);
  const restored = profile ? null : profileOf(read.value.body.profile);
  const workplace = profile ?? restored;
  // A fresh PC checks the records against the rules of the workplace the backup restores.
  const refused = await firstRecordProblem(db, read.value, 'backup', workplace);
  if (refused) return err(refused);
  if (!workplace) return err(TRANSFER_PROBLEMS.damaged());
  const report = await writeRecords(db, read.value, 'backup', workplace, now);
  // The profile last: should the records' write be cut, the PC is still fresh and the restore can simply be repeated.
  if (restored) await saveProfile(db, restored);
  return ok({ ...report, restoredProfile: restored });
}

/** Imports a transfer file at its destination (the council, or the village it is for), after authenticating it. */
export async function importTransfer(
  db: AppDatabase,
  file: PickedFile,
  profile: Profile | null,
  appVersion: string,
  now: Date,
  passphrase: string,
): Promise<Result<ImportReport, Problem>> {
  const read = await readFile(file, 'transfer', appVersion, db, passphrase);
  if (!read.ok) return read;
  const pc = workplaceOf(profile);
  const early = transferProblem(read.value.header, pc);
  if (early || !profile) return err(early ?? TRANSFER_PROBLEMS.notSetUp());
  const refused = await firstRecordProblem(db, read.value, 'transfer', profile);
  if (refused) return err(refused);
  return ok(await writeRecords(db, read.value, 'transfer', profile, now));
}
