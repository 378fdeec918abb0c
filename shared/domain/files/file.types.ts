import type { Role } from '../appeal/appeal.types';

/** The kinds of file an appeal may carry: scans and photos. */
export const FILE_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type FileMime = (typeof FILE_MIMES)[number];

/** Largest file accepted, checked before its bytes are read (a 200 MB file never enters memory). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Bytes per chunk document on the server: a cut connection loses at most one chunk's transfer. */
export const CHUNK_SIZE = 64 * 1024;

/** Images whose longer side exceeds this are scaled down before they are stored (a scan needs no more). */
export const MAX_IMAGE_SIDE = 2400;

/**
 * The metadata of one attached file: written once, synced as `file:<id>`. The bytes travel separately as chunk
 * documents `chunk:<id>:<n>` (shared/couch/names.ts), each holding `size` bytes from `n * chunkSize`.
 */
export interface AttachedFile {
  id: string;
  appealId: string;
  /** The appeal's village: the file follows its appeal between databases. */
  villageId: string;
  name: string;
  mime: FileMime;
  size: number;
  /** Lowercase hex SHA-256 of the stored bytes; checked again when the file is fetched from the server. */
  sha256: string;
  addedAt: string;
  by: string;
  role: Role;
  chunkSize: number;
  chunkCount: number;
}
