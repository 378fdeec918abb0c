import type { AttachedFile } from '../../../shared/domain/files/file.types';
import type { LocalizedText } from '../../../shared/lib/i18n-text';
import type { AppDatabase } from '../database';
import { keepBytes, localBytes } from '../files.repository';
import { sha256Hex } from './prepare-file';

export type OpenFileResult = { ok: true; blob: Blob; fromServer: boolean } | { ok: false; message: LocalizedText };

/** Fetches a file's bytes from the user's server database (null when this PC is not logged in to one). */
export type FetchFile = ((file: AttachedFile) => Promise<Uint8Array>) | null;

const MESSAGES = {
  notLoggedIn: {
    uk: 'Файла немає на цьому комп’ютері; щоб завантажити його з сервера ради, увійдіть',
    en: 'The file is not on this PC; log in to fetch it from the council server',
  },
  damaged: {
    uk: 'Отриманий файл пошкоджено (контрольна сума не збігається); спробуйте ще раз',
    en: 'The fetched file is damaged (its checksum does not match); please try again',
  },
  failed: {
    uk: 'Не вдалося отримати файл із сервера ради (можливо, його ще не надіслано)',
    en: 'The file could not be fetched from the council server (perhaps it has not been sent yet)',
  },
} satisfies Record<string, LocalizedText>;

/**
 * The bytes of a file to show: from this PC when it holds them, else fetched on demand from the server, checked
 * against the SHA-256 in its metadata, and kept here so it opens offline next time.
 */
export async function openFile(db: AppDatabase, file: AttachedFile, fetchFile: FetchFile): Promise<OpenFileResult> {
  const local = await localBytes(db, file.id);
  if (local) return { ok: true, blob: local, fromServer: false };
  if (!fetchFile) return { ok: false, message: MESSAGES.notLoggedIn };
  let bytes: Uint8Array;
  try {
    bytes = await fetchFile(file);
  } catch (error) {
    console.warn('files: fetch failed', file.id, error);
    return { ok: false, message: MESSAGES.failed };
  }
  if (bytes.byteLength !== file.size || (await sha256Hex(bytes)) !== file.sha256) return { ok: false, message: MESSAGES.damaged };
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.mime });
  // Keeping a copy is a convenience: the file is shown even when the local store refuses it.
  await keepBytes(db, file.id, blob).catch((error: unknown) => console.warn('files: copy not kept', error));
  return { ok: true, blob, fromServer: true };
}
