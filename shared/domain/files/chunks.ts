/** How a file's bytes are cut into chunk documents for the upload queue and put together again. */

/** One chunk: its number and the byte range [start, end) of the file it holds. */
export interface ChunkPlan {
  n: number;
  start: number;
  end: number;
}

/** The chunks of a file of `size` bytes (at least one byte; an empty file is refused before this). */
export function planChunks(size: number, chunkSize: number): ChunkPlan[] {
  const plans: ChunkPlan[] = [];
  for (let n = 0; n * chunkSize < size; n++) plans.push({ n, start: n * chunkSize, end: Math.min(size, (n + 1) * chunkSize) });
  return plans;
}

/** The number of chunks of a file of `size` bytes. */
export function chunkCount(size: number, chunkSize: number): number {
  return Math.ceil(size / chunkSize);
}

/** Lowercase hex of bytes (for SHA-256 digests). */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(view, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Human-readable size: "1.4 MB", "320 KB", "12 B" (units are the same in both languages' abbreviations). */
export function formatSize(bytes: number, lang: 'uk' | 'en'): string {
  const units = lang === 'uk' ? ['Б', 'КБ', 'МБ'] : ['B', 'KB', 'MB'];
  if (bytes < 1024) return `${bytes} ${units[0]}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${units[1]}`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} ${units[2]}`;
}
