import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One file of a browser profile that holds the text, and how it was written there. */
export interface ProfileHit {
  /** Path inside the profile folder, with `/` separators (`Default/IndexedDB/…/000003.log`). */
  file: string;
  encoding: 'utf8' | 'utf16le';
}

/**
 * Every file under a browser profile that holds `text` as UTF-8 or as UTF-16LE bytes. Both, because Chromium writes
 * text either way: LevelDB keys and JSON as UTF-8, V8-serialised strings with any non-Latin-1 letter (every Ukrainian
 * surname) in IndexedDB values as UTF-16LE. A compressed or encrypted copy is not found, which is the point of a later
 * check that encryption at rest works. Symbolic links (Chromium's `SingletonLock` and friends) are not followed.
 */
export function profileFilesContaining(profileDir: string, text: string): ProfileHit[] {
  const needles = [
    { encoding: 'utf8' as const, bytes: Buffer.from(text, 'utf8') },
    { encoding: 'utf16le' as const, bytes: Buffer.from(text, 'utf16le') },
  ];
  const hits: ProfileHit[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          // A file the browser removed while the scan ran, or one it keeps locked: nothing to read.
          continue;
        }
        for (const n of needles) {
          if (bytes.includes(n.bytes)) hits.push({ file: relative(profileDir, path).split(sep).join('/'), encoding: n.encoding });
        }
      }
    }
  };
  walk(profileDir);
  return hits;
}
