import { toHex } from '../../../shared/domain/files/chunks';
import type { FileMime } from '../../../shared/domain/files/file.types';
import { checkFileBytes, checkFileInfo, mimeOfName } from '../../../shared/domain/files/file-checks';
import type { Problem } from '../../../shared/domain/problem';

/** A file checked and ready to store: its final bytes (downscaled where that helped) and their digest. */
export interface PreparedFile {
  name: string;
  mime: FileMime;
  bytes: Uint8Array;
  sha256: string;
}

/** Scales an image down when it is larger than needed; returns the bytes to keep (the original when no smaller). */
export type Downscale = (bytes: Uint8Array, mime: FileMime) => Promise<Uint8Array>;

export type PrepareResult = { ok: true; file: PreparedFile } | { ok: false; problems: Problem[] };

/** The lowercase hex SHA-256 of bytes (WebCrypto: in Chromium, Electron and Node alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/**
 * Checks a chosen file and reads it: name and size first, so that a file over the limit is refused without reading
 * it; then its content against its extension; then images are downscaled. Nothing is stored here.
 */
export async function prepareFile(file: Blob & { name: string }, downscale: Downscale | null): Promise<PrepareResult> {
  const infoProblems = checkFileInfo({ name: file.name, size: file.size });
  if (infoProblems.length > 0) return { ok: false, problems: infoProblems };
  const original = new Uint8Array(await file.arrayBuffer());
  const byteProblems = checkFileBytes(file.name, original);
  if (byteProblems.length > 0) return { ok: false, problems: byteProblems };
  const mime = mimeOfName(file.name) as FileMime;
  let bytes: Uint8Array = original;
  if (downscale && mime !== 'application/pdf') {
    try {
      bytes = await downscale(original, mime);
    } catch (error) {
      // An image the browser cannot decode is kept as it came: the check above already proved its type.
      // Not the file's name: it may name the resident.
      console.warn('files: image not downscaled', file.type, file.size, error);
    }
  }
  return { ok: true, file: { name: file.name, mime, bytes, sha256: await sha256Hex(bytes) } };
}
