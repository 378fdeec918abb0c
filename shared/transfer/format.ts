/**
 * The backup and transfer file format (issue 4): one gzip stream holding a JSON header line and a JSON body.
 *
 *   gzip( JSON(header) "\n" JSON(body) )
 *
 * The header names the file (format id and version, app version, kind, village, community, direction, counts per
 * collection with their schema versions) and carries the SHA-256 and byte length of the body, so a damaged or cut file
 * is refused before anything is written: gzip's own CRC catches most damage, the checksum the rest (and a body edited
 * by hand). Compression and hashing come in as a codec (shared/ stays free of platform APIs); the app passes one built on
 * the web platform's CompressionStream and crypto.subtle, which Chromium, Electron and Node 22 all have, so no library
 * is needed. Gzip brings a village's ~2.2 MB of JSON for 1,000 appeals down to ~0.25 MB (docs/architecture.md).
 */

import type { Problem } from '../domain/problem';
import type { Profile } from '../domain/profile';
import { err, ok, type Result } from '../lib/result';
import { TRANSFER_PROBLEMS } from './problems';
import { compareVersions } from './version';

/** The format id written into every header. */
export const TRANSFER_FORMAT = 'open-village-transfer';

/** The version of this layout; a file with a higher one comes from a newer app and is refused. */
export const TRANSFER_FORMAT_VERSION = 1;

/** File name endings: a backup restores a whole PC, a transfer file carries one direction's records. */
export const FILE_EXTENSION = { backup: '.ovbackup', transfer: '.ovtransfer' } as const;

/**
 * The largest file the app opens, checked on the declared size before reading a byte: the file is read whole and its
 * JSON parsed in memory on an old office PC. A village's 1,000 appeals with events take ~0.3 MB; scans (the `files`
 * collection) are what can make a backup large, hence the headroom.
 */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;

export type TransferKind = keyof typeof FILE_EXTENSION;

/** Compression and hashing, provided by the platform. */
export interface TransferCodec {
  gzip(bytes: Uint8Array): Promise<Uint8Array>;
  /** Rejects on damaged or truncated input. */
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  /** Lowercase hex SHA-256. */
  sha256Hex(bytes: Uint8Array): Promise<string>;
}

export interface TransferHeader {
  format: typeof TRANSFER_FORMAT;
  formatVersion: number;
  appVersion: string;
  kind: TransferKind;
  createdAt: string;
  /** The community code of the PC that made it (null when that PC had none set: only possible for a backup). */
  community: string | null;
  /** Village code of the PC that made it, `central` for the council office. */
  from: string;
  /** Transfer: the village code it is for, or `central`; backup: null. */
  to: string | null;
  collections: Record<string, { schemaVersion: number; count: number }>;
  bodyBytes: number;
  bodySha256: string;
}

/** A stored record: the collection's document, plus `_attachments` (id → type and base64 data) where it has any. */
export type TransferDoc = Record<string, unknown> & {
  id: string;
  _attachments?: Record<string, { type: string; data: string }>;
};

export interface TransferBody {
  collections: Record<string, TransferDoc[]>;
  /** The PC's profile (backups only), so that a fresh PC continues with the same village and workstation. */
  profile: Profile | null;
}

export interface TransferFile {
  header: TransferHeader;
  body: TransferBody;
}

/** What the maker of a file states about it; the rest of the header is computed. */
export type TransferMeta = Pick<TransferHeader, 'appVersion' | 'kind' | 'createdAt' | 'community' | 'from' | 'to'> & {
  schemaVersions: Record<string, number>;
};

/** Builds the bytes of a file. */
export async function encodeTransferFile(meta: TransferMeta, body: TransferBody, codec: TransferCodec): Promise<Uint8Array> {
  const bodyBytes = new TextEncoder().encode(JSON.stringify(body));
  const collections: TransferHeader['collections'] = {};
  for (const [name, docs] of Object.entries(body.collections)) {
    collections[name] = { schemaVersion: meta.schemaVersions[name] ?? 0, count: docs.length };
  }
  const header: TransferHeader = {
    format: TRANSFER_FORMAT,
    formatVersion: TRANSFER_FORMAT_VERSION,
    appVersion: meta.appVersion,
    kind: meta.kind,
    createdAt: meta.createdAt,
    community: meta.community,
    from: meta.from,
    to: meta.to,
    collections,
    bodyBytes: bodyBytes.length,
    bodySha256: await codec.sha256Hex(bodyBytes),
  };
  const headerBytes = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  const all = new Uint8Array(headerBytes.length + bodyBytes.length);
  all.set(headerBytes, 0);
  all.set(bodyBytes, headerBytes.length);
  return codec.gzip(all);
}

/** Checks what is known before reading a byte: the name's ending and the declared size. */
export function checkFileInfo(file: { name: string; size: number }, kind: TransferKind): Problem | null {
  const ext = FILE_EXTENSION[kind];
  if (!file.name.toLowerCase().endsWith(ext)) return TRANSFER_PROBLEMS.wrongExtension(ext);
  if (file.size === 0) return TRANSFER_PROBLEMS.empty();
  if (file.size > MAX_FILE_BYTES) return TRANSFER_PROBLEMS.tooLarge(file.size, MAX_FILE_BYTES);
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a parsed header has every field of the layout with the right type. */
function isHeader(v: unknown): v is TransferHeader {
  if (!isObject(v) || v.format !== TRANSFER_FORMAT) return false;
  return (
    typeof v.formatVersion === 'number' &&
    typeof v.appVersion === 'string' &&
    (v.kind === 'backup' || v.kind === 'transfer') &&
    typeof v.createdAt === 'string' &&
    (v.community === null || typeof v.community === 'string') &&
    typeof v.from === 'string' &&
    (v.to === null || typeof v.to === 'string') &&
    isObject(v.collections) &&
    Object.values(v.collections).every(
      (c) => isObject(c) && typeof c.schemaVersion === 'number' && typeof c.count === 'number',
    ) &&
    typeof v.bodyBytes === 'number' &&
    typeof v.bodySha256 === 'string'
  );
}

/** True when a parsed body has the layout's shape (documents are checked one by one at import). */
function isBody(v: unknown): v is TransferBody {
  if (!isObject(v) || !isObject(v.collections) || !(v.profile === null || isObject(v.profile))) return false;
  return Object.values(v.collections).every(
    (docs) => Array.isArray(docs) && docs.every((d) => isObject(d) && typeof d.id === 'string'),
  );
}

/**
 * Reads a file's bytes into header and body, or says why not: not our format, damaged or cut (gzip or checksum),
 * or made by a newer app (format version, app version, or a collection schema newer than this app's).
 */
export async function decodeTransferFile(
  bytes: Uint8Array,
  app: { appVersion: string; schemaVersions: Record<string, number> },
  codec: TransferCodec,
): Promise<Result<TransferFile, Problem>> {
  if (bytes.length === 0) return err(TRANSFER_PROBLEMS.empty());
  // Every gzip stream starts with 1f 8b: anything else was never written by this app.
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return err(TRANSFER_PROBLEMS.notOurs());
  let plain: Uint8Array;
  try {
    plain = await codec.gunzip(bytes);
  } catch {
    // A cut or corrupted gzip stream (its CRC and length trailer do not match): the file is damaged.
    return err(TRANSFER_PROBLEMS.damaged());
  }
  const newline = plain.indexOf(0x0a);
  if (newline < 0) return err(TRANSFER_PROBLEMS.notOurs());
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain.subarray(0, newline)));
  } catch {
    return err(TRANSFER_PROBLEMS.notOurs());
  }
  if (!isObject(header) || header.format !== TRANSFER_FORMAT) return err(TRANSFER_PROBLEMS.notOurs());
  // Versions first: a newer layout may not even have the fields this app checks next.
  if (typeof header.formatVersion === 'number' && header.formatVersion > TRANSFER_FORMAT_VERSION)
    return err(TRANSFER_PROBLEMS.newer(String(header.appVersion)));
  if (!isHeader(header)) return err(TRANSFER_PROBLEMS.notOurs());
  if (compareVersions(header.appVersion, app.appVersion) > 0) return err(TRANSFER_PROBLEMS.newer(header.appVersion));
  for (const [name, info] of Object.entries(header.collections)) {
    const known = app.schemaVersions[name];
    if (known === undefined || info.schemaVersion > known) return err(TRANSFER_PROBLEMS.newer(header.appVersion));
  }
  const bodyBytes = plain.subarray(newline + 1);
  if (bodyBytes.length !== header.bodyBytes || (await codec.sha256Hex(bodyBytes)) !== header.bodySha256)
    return err(TRANSFER_PROBLEMS.damaged());
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bodyBytes));
  } catch {
    return err(TRANSFER_PROBLEMS.damaged());
  }
  if (!isBody(body)) return err(TRANSFER_PROBLEMS.damaged());
  for (const [name, docs] of Object.entries(body.collections)) {
    if (header.collections[name]?.count !== docs.length) return err(TRANSFER_PROBLEMS.damaged());
  }
  return ok({ header, body });
}
