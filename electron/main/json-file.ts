import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type JsonRead = { status: 'missing' } | { status: 'corrupt' } | { status: 'ok'; value: unknown };

/**
 * Reads a small JSON file. Missing and unparsable files are reported, not thrown: callers validate the shape and
 * fall back to defaults, because a half-written settings file must never stop the app from starting.
 */
export function readJsonFile(file: string): JsonRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Missing or unreadable: the first run, or a wiped profile.
    return { status: 'missing' };
  }
  try {
    return { status: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    // Corrupt (e.g. power cut mid-write on an old laptop).
    return { status: 'corrupt' };
  }
}

export interface JsonWriteOptions {
  /**
   * Permission bits of the file (POSIX; Windows keeps only the read-only bit and relies on the profile's ACL).
   * The temp file is created fresh with them, so the renamed file never has looser ones, even for an instant.
   */
  mode?: number;
}

/**
 * Writes JSON atomically (temp file + rename) so a crash mid-write leaves the previous file intact.
 * Synchronous on purpose: it runs from window `close`, after which the process may exit at once.
 */
export function writeJsonFile(file: string, value: unknown, options: JsonWriteOptions = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (options.mode === undefined) {
    writeFileSync(tmp, text, 'utf8');
  } else {
    // `mode` applies only when a file is created: remove a temp file left by a crash, then create exclusively.
    rmSync(tmp, { force: true });
    writeFileSync(tmp, text, { encoding: 'utf8', mode: options.mode, flag: 'wx' });
  }
  renameSync(tmp, file);
}
