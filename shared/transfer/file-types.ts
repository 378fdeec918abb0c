/**
 * The types of backup and transfer files (format.ts describes the layout): what the platform's codec provides, what a
 * header says, what a body holds.
 */
import type { Profile } from '../domain/profile';
import type { FILE_EXTENSION, TRANSFER_FORMAT } from './format';

export type TransferKind = keyof typeof FILE_EXTENSION;

/** A key derived from a passphrase, held by the platform (a CryptoKey in the web codec); never leaves the codec. */
export interface FileKey {
  /** KEY_CHECK_BYTES derived alongside the key but independent of it: stored in the header, compared on reading. */
  readonly check: Uint8Array;
  /** AES-256-GCM: ciphertext with its 16-byte tag appended. */
  seal(iv: Uint8Array, plain: Uint8Array, additionalData: Uint8Array): Promise<Uint8Array>;
  /** Rejects when the tag does not authenticate the ciphertext and the additional data. */
  open(iv: Uint8Array, sealed: Uint8Array, additionalData: Uint8Array): Promise<Uint8Array>;
}

/** Gzip of bytes handed over in pieces (a body written page by page). */
export interface GzipStream {
  write(bytes: Uint8Array): Promise<void>;
  /** The compressed whole. */
  end(): Promise<Uint8Array>;
}

/** Compression, hashing, randomness and encryption, provided by the platform. */
export interface TransferCodec {
  gzip(bytes: Uint8Array): Promise<Uint8Array>;
  /** Rejects on damaged or truncated input. */
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  gzipStream(): GzipStream;
  /** The decompressed bytes in pieces as they come; the iteration rejects on damaged or truncated input. */
  gunzipPieces(bytes: Uint8Array): AsyncIterable<Uint8Array>;
  /** Lowercase hex SHA-256 (version 1 files' checksum). */
  sha256Hex(bytes: Uint8Array): Promise<string>;
  /** Cryptographically random bytes. */
  randomBytes(length: number): Uint8Array;
  /** PBKDF2-HMAC-SHA256 over the passphrase bytes, then the AES-256-GCM key and the key check split off it. */
  deriveFileKey(passphrase: Uint8Array, salt: Uint8Array, iterations: number): Promise<FileKey>;
}

/** What a header says about a file, in either layout (only these fields are kept after reading). */
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

/** A file's readable header, and whether its body is encrypted (false: a version 1 file). */
export interface FilePreview {
  header: TransferHeader;
  isEncrypted: boolean;
}

export interface TransferFile extends FilePreview {
  body: TransferBody;
}

/** What a file is checked against: this app's version and its collections' schema versions. */
export interface FileApp {
  appVersion: string;
  schemaVersions: Record<string, number>;
}

/** What the maker of a file states about it; the rest of the header is computed. */
export type TransferMeta = Pick<TransferHeader, 'appVersion' | 'kind' | 'createdAt' | 'community' | 'from' | 'to'> & {
  schemaVersions: Record<string, number>;
};
