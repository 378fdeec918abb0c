/**
 * The backup and transfer file format, version 2 (issue 4; data protection): one self-describing file whose header
 * is readable and authenticated, and whose body is encrypted.
 *
 *   JSON(header) "\n" AES-256-GCM( key, iv, gzip(JSON(body)), additional data = the header line's bytes )
 *
 * The header (UTF-8, one line, no newline inside: JSON.stringify escapes them) says what the file is — format id and
 * version, app version, kind, village, community, direction, counts per collection with their schema versions — and
 * `encryption` (encryption.ts: PBKDF2-SHA256 iterations, salt, IV, key check). Nothing personal is in it, so the app
 * can show "a backup of village X made on Y, N appeals" before asking for the passphrase. The body (records, scans,
 * the PC's profile) is gzipped, then encrypted; the ciphertext ends with GCM's 16-byte tag, which covers the body
 * and the exact header bytes: one changed byte anywhere, or a cut file, and the file is refused. The key is derived
 * from the operator's passphrase once per file (PBKDF2-SHA256, a random 16-byte salt per file, ITERATIONS rounds);
 * a key check in the header tells a wrong passphrase from a damaged file. Crypto and compression come in as a codec
 * (shared/ stays free of platform APIs); the app passes one built on the web platform's CompressionStream and
 * crypto.subtle, which Chromium, Electron and Node 22 all have, so no library is needed.
 *
 * The body is JSON(`{"profile": …, "collections": {name: [record, …]}}`), written and read in pieces (body-writer.ts,
 * body-reader.ts) so a whole register is never one string; either key order reads (files made before had the profile
 * last), and any file of this layout opens in app versions that parse the body whole.
 *
 * Version 1 files (gzip of header and body, an unkeyed checksum: format-v1.ts) are still read, flagged unencrypted.
 */

import type { Problem } from '../domain/problem';
import { err, ok, type Result } from '../lib/result';
import { type BodyOutcome, type BodyVisitor, readBody } from './body-reader';
import { startBody } from './body-writer';
import {
  type EncryptionParams,
  type FileEncryption,
  ITERATIONS,
  IV_BYTES,
  readEncryption,
  SALT_BYTES,
  sameBytes,
  toBase64,
} from './encryption';
import { commonHeader, hasHeaderFields, isObject, newerProblem } from './file-checks';
import type {
  FileApp,
  FilePreview,
  TransferBody,
  TransferCodec,
  TransferFile,
  TransferHeader,
  TransferKind,
  TransferMeta,
} from './file-types';
import { isV1, openV1 } from './format-v1';
import { isPassphraseLongEnough, passphraseBytes } from './passphrase';
import { TRANSFER_PROBLEMS } from './problems';

export type {
  FileApp,
  FileKey,
  FilePreview,
  GzipStream,
  TransferBody,
  TransferCodec,
  TransferDoc,
  TransferFile,
  TransferHeader,
  TransferKind,
  TransferMeta,
} from './file-types';

/** The format id written into every header. */
export const TRANSFER_FORMAT = 'open-village-transfer';

/** The version of this layout; a file with a higher one comes from a newer app and is refused. */
export const TRANSFER_FORMAT_VERSION = 2;

/** File name endings: a backup restores a whole PC, a transfer file carries one direction's records. */
export const FILE_EXTENSION = { backup: '.ovbackup', transfer: '.ovtransfer' } as const;

/**
 * The largest file the app opens, checked on the declared size before reading a byte: the file is read and decrypted
 * whole (AES-GCM authenticates it in one piece) on an old office PC, though its JSON is parsed page by page
 * (body-reader.ts). A village's 1,000 appeals with events take ~0.3 MB; scans (the `files` collection) are what can
 * make a backup large, hence the headroom.
 */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;

/** The longest header line read: real ones are well under 1 KB; past this the file is not one of ours. */
const MAX_HEADER_BYTES = 64 * 1024;

/** How every version 2 file starts (JSON.stringify keeps the key order of encodeTransferFile). */
const V2_START = new TextEncoder().encode(`{"format":"${TRANSFER_FORMAT}",`);

/**
 * A whole file from a body in memory (tests, small files); the app writes large ones page by page with startBody and
 * sealTransferFile, which give the same bytes. Throws for a passphrase shorter than the rule (screens check it first).
 */
export async function encodeTransferFile(
  meta: TransferMeta,
  body: TransferBody,
  passphrase: string,
  codec: TransferCodec,
): Promise<Uint8Array> {
  if (!isPassphraseLongEnough(passphrase)) throw new RangeError('passphrase too short');
  const writer = startBody(body.profile, codec);
  for (const [name, docs] of Object.entries(body.collections)) {
    await writer.collection(name);
    await writer.add(docs);
  }
  const { packed, counts } = await writer.finish();
  return sealTransferFile(meta, counts, packed, passphrase, codec);
}

/**
 * The file around a compressed body (body-writer.ts): the header with the counts per collection, and the body
 * encrypted under a key derived from the passphrase, the header line as additional data. Throws for a passphrase
 * shorter than the rule.
 */
export async function sealTransferFile(
  meta: TransferMeta,
  counts: Record<string, number>,
  packed: Uint8Array,
  passphrase: string,
  codec: TransferCodec,
): Promise<Uint8Array> {
  if (!isPassphraseLongEnough(passphrase)) throw new RangeError('passphrase too short');
  const collections: TransferHeader['collections'] = {};
  for (const [name, count] of Object.entries(counts)) {
    collections[name] = { schemaVersion: meta.schemaVersions[name] ?? 0, count };
  }
  const salt = codec.randomBytes(SALT_BYTES);
  const iv = codec.randomBytes(IV_BYTES);
  const key = await codec.deriveFileKey(passphraseBytes(passphrase), salt, ITERATIONS);
  const encryption: FileEncryption = {
    alg: 'AES-256-GCM',
    kdf: 'PBKDF2-SHA256',
    iterations: ITERATIONS,
    salt: toBase64(salt),
    iv: toBase64(iv),
    keyCheck: toBase64(key.check),
  };
  const header = {
    format: TRANSFER_FORMAT,
    formatVersion: TRANSFER_FORMAT_VERSION,
    appVersion: meta.appVersion,
    kind: meta.kind,
    createdAt: meta.createdAt,
    community: meta.community,
    from: meta.from,
    to: meta.to,
    collections,
    encryption,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const sealed = await key.seal(iv, packed, headerBytes);
  const all = new Uint8Array(headerBytes.length + 1 + sealed.length);
  all.set(headerBytes, 0);
  all[headerBytes.length] = 0x0a;
  all.set(sealed, headerBytes.length + 1);
  return all;
}

/** Checks what is known before reading a byte: the name's ending and the declared size. */
export function checkFileInfo(file: { name: string; size: number }, kind: TransferKind): Problem | null {
  const ext = FILE_EXTENSION[kind];
  if (!file.name.toLowerCase().endsWith(ext)) return TRANSFER_PROBLEMS.wrongExtension(ext);
  if (file.size === 0) return TRANSFER_PROBLEMS.empty();
  if (file.size > MAX_FILE_BYTES) return TRANSFER_PROBLEMS.tooLarge(file.size, MAX_FILE_BYTES);
  return null;
}

interface V2Parts {
  header: TransferHeader;
  params: EncryptionParams;
  headerBytes: Uint8Array;
  sealed: Uint8Array;
}

/**
 * Splits a version 2 file into its header (checked: ours, not newer, encryption parameters acceptable) and
 * ciphertext. Nothing here is authenticated yet: only the passphrase can tell whether the header is the maker's.
 */
function readV2(bytes: Uint8Array, app: FileApp): Result<V2Parts, Problem> {
  // Once a file starts like ours (or is a cut-off start of ours), what is wrong after that is damage or an edit, not
  // another app's file.
  const startsAsOurs = bytes.length >= 2 && V2_START.subarray(0, bytes.length).every((b, i) => bytes[i] === b);
  const broken = () => err(startsAsOurs ? TRANSFER_PROBLEMS.damaged() : TRANSFER_PROBLEMS.notOurs());
  const newline = bytes.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (newline < 0) return broken();
  const headerBytes = bytes.subarray(0, newline);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch {
    return broken();
  }
  if (!isObject(header) || header.format !== TRANSFER_FORMAT) return err(TRANSFER_PROBLEMS.notOurs());
  // Versions first: a newer layout may not even have the fields this app checks next.
  if (typeof header.formatVersion === 'number' && header.formatVersion > TRANSFER_FORMAT_VERSION)
    return err(TRANSFER_PROBLEMS.newer(String(header.appVersion)));
  if (header.formatVersion !== TRANSFER_FORMAT_VERSION || !hasHeaderFields(header)) return broken();
  const newer = newerProblem(header, app);
  if (newer) return err(newer);
  const params = readEncryption(header.encryption);
  if (params === 'iterations') return err(TRANSFER_PROBLEMS.weakProtection());
  if (params === 'shape') return broken();
  return ok({ header: commonHeader(header), params, headerBytes, sealed: bytes.subarray(newline + 1) });
}

/**
 * A file's readable header, before any passphrase: not our format, made by a newer app, or protected by parameters
 * this app refuses are said here already. A version 1 file is read whole (its header is inside the gzip stream).
 */
export async function previewTransferFile(
  bytes: Uint8Array,
  app: FileApp,
  codec: TransferCodec,
): Promise<Result<FilePreview, Problem>> {
  if (bytes.length === 0) return err(TRANSFER_PROBLEMS.empty());
  if (isV1(bytes)) {
    const v1 = await openV1(bytes, app, codec);
    return v1.ok ? ok({ header: v1.value.header, isEncrypted: false }) : v1;
  }
  const parts = readV2(bytes, app);
  return parts.ok ? ok({ header: parts.value.header, isEncrypted: true }) : parts;
}

/** A file opened with its passphrase: its authenticated header, and its body to read as often as needed. */
export interface OpenedFile extends FilePreview {
  /**
   * Reads the body from its start, records in pages of `pageSize` (body-reader.ts); 'read' when it was read whole and
   * fits the header, 'damaged' when it does not. Each reading decompresses again, so the body is never held whole.
   */
  readBody(visitor: BodyVisitor, pageSize?: number): Promise<BodyOutcome>;
}

/**
 * Opens a file: not our format; made by a newer app; a wrong passphrase (the key check differs); damaged, cut or
 * changed (the tag does not authenticate header and body) are said here. The passphrase is derived once; a version 1
 * file ignores it. The body is read afterwards, page by page (OpenedFile.readBody).
 */
export async function openTransferFile(
  bytes: Uint8Array,
  app: FileApp,
  codec: TransferCodec,
  passphrase: string,
): Promise<Result<OpenedFile, Problem>> {
  if (bytes.length === 0) return err(TRANSFER_PROBLEMS.empty());
  if (isV1(bytes)) return openV1(bytes, app, codec);
  const parts = readV2(bytes, app);
  if (!parts.ok) return parts;
  const { header, params, headerBytes, sealed } = parts.value;
  const key = await codec.deriveFileKey(passphraseBytes(passphrase), params.salt, params.iterations);
  if (!sameBytes(key.check, params.keyCheck)) return err(TRANSFER_PROBLEMS.wrongPassphrase());
  let packed: Uint8Array;
  try {
    packed = await key.open(params.iv, sealed, headerBytes);
  } catch {
    // The right passphrase (the key check matched), yet the tag fails: the header or the body changed, or the file
    // was cut.
    return err(TRANSFER_PROBLEMS.damaged());
  }
  const counts = Object.fromEntries(Object.entries(header.collections).map(([n, c]) => [n, c.count]));
  return ok({
    header,
    isEncrypted: true,
    readBody: (visitor, pageSize) => readBody(codec.gunzipPieces(packed), counts, visitor, pageSize),
  });
}

/**
 * Reads a file's bytes into header and body in memory, or says why not (openTransferFile's refusals, and a body that
 * does not fit the header: damaged). For tests and small files: the app reads bodies page by page.
 */
export async function decodeTransferFile(
  bytes: Uint8Array,
  app: FileApp,
  codec: TransferCodec,
  passphrase: string,
): Promise<Result<TransferFile, Problem>> {
  const opened = await openTransferFile(bytes, app, codec, passphrase);
  if (!opened.ok) return opened;
  const body: TransferBody = { collections: {}, profile: null };
  const outcome = await opened.value.readBody({
    profile: (value) => {
      body.profile = value as TransferBody['profile'];
      return undefined;
    },
    collection: (name) => {
      body.collections[name] = [];
    },
    docs: (name, docs) => {
      body.collections[name]?.push(...docs);
    },
  });
  if (outcome.kind !== 'read') return err(TRANSFER_PROBLEMS.damaged());
  const { header, isEncrypted } = opened.value;
  return ok({ header, body, isEncrypted });
}

export type { FileEncryption } from './encryption';
