/**
 * Checks of a file someone wants to attach, in two steps: what the file system says (name, size) before any byte is
 * read, then the bytes themselves (the type by its first bytes, the PDF's structure). Each refusal is a Problem in
 * Ukrainian and English; nothing is stored for a refused file.
 */
import { type Problem, problem } from '../problem';
import { type FileMime, MAX_FILE_BYTES } from './file.types';

const MIME_BY_EXTENSION: Record<string, FileMime> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** The lowercase extension of a file name, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The type a file name claims (JPEG, PNG or PDF by extension), or null for anything else. */
export function mimeOfName(name: string): FileMime | null {
  return MIME_BY_EXTENSION[extensionOf(name)] ?? null;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');

/** Problems visible from the name and size alone; checked before reading, so an oversized file is never loaded. */
export function checkFileInfo(info: { name: string; size: number }): Problem[] {
  if (mimeOfName(info.name) === null) {
    return [
      problem(
        'file',
        'file-type',
        `«${info.name}»: можна додати лише JPEG, PNG або PDF`,
        `"${info.name}": only JPEG, PNG or PDF files can be attached`,
      ),
    ];
  }
  if (info.size === 0)
    return [problem('file', 'file-empty', `«${info.name}»: файл порожній`, `"${info.name}": the file is empty`)];
  if (info.size > MAX_FILE_BYTES) {
    return [
      problem(
        'file',
        'file-too-large',
        `«${info.name}»: файл має ${megabytes(info.size)} МБ, а можна не більше ${megabytes(MAX_FILE_BYTES)} МБ`,
        `"${info.name}": the file is ${megabytes(info.size)} MB, the limit is ${megabytes(MAX_FILE_BYTES)} MB`,
      ),
    ];
  }
  return [];
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type the first bytes show (JPEG FF D8 FF, PNG's 8-byte signature, PDF `%PDF-`), or null. */
export function sniffMime(bytes: Uint8Array): FileMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** True when `%%EOF` occurs in the last 1024 bytes, where the PDF standard puts the end of the file's trailer. */
function hasPdfTrailer(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  const eof = ascii('%%EOF');
  for (let i = tail.length - eof.length; i >= 0; i--) if (startsWith(tail.subarray(i), eof)) return true;
  return false;
}

/** Problems with the bytes: the content must be what the extension says, and a PDF must have its header and trailer. */
export function checkFileBytes(name: string, bytes: Uint8Array): Problem[] {
  const claimed = mimeOfName(name);
  const actual = sniffMime(bytes);
  if (claimed === 'application/pdf' && (actual !== 'application/pdf' || !hasPdfTrailer(bytes))) {
    return [
      problem(
        'file',
        'file-not-pdf',
        `«${name}»: це не справжній PDF (немає заголовка або кінця файла)`,
        `"${name}": this is not a valid PDF (no header or end of file)`,
      ),
    ];
  }
  if (actual === null || actual !== claimed) {
    return [
      problem(
        'file',
        'file-content',
        `«${name}»: вміст файла не відповідає його розширенню`,
        `"${name}": the content of the file does not match its extension`,
      ),
    ];
  }
  return [];
}
