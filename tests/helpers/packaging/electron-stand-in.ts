/**
 * A stand-in Electron distribution for `electron-builder --dir` offline (the real binary comes from GitHub and
 * cannot be downloaded here). electron-builder copies this folder, renames `electron` to the app's executable,
 * trims `locales/` to `electronLanguages` and flips the fuses, so the stand-in carries what those steps need:
 * an `electron` file holding Electron's fuse sentinel and wire, a few locale packs, and the license files.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The marker @electron/fuses searches for in the Electron binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Fuse wire V1 as shipped by Electron ('1' enabled, '0' disabled), in @electron/fuses order: RunAsNode,
 * EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges.
 */
export const ELECTRON_DEFAULT_FUSES = '10110001';

export const STAND_IN_LOCALES = ['uk.pak', 'en-US.pak', 'de.pak', 'ru.pak'];

/** Creates the stand-in distribution in dir and returns dir. */
export function createElectronStandIn(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('stand-in for the Electron binary; not executable\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  for (const locale of STAND_IN_LOCALES) writeFileSync(join(dir, 'locales', locale), '');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in Electron license\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in Chromium licenses</p>\n');
  writeFileSync(join(dir, 'version'), '0.0.0-stand-in');
  return dir;
}

/** Reads the fuse wire of a (stand-in) Electron binary as a string of '0'/'1'. */
export function readFuseWire(binary: string): string {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse sentinel in ${binary}`);
  const length = bytes[at + FUSE_SENTINEL.length + 1] ?? 0;
  const start = at + FUSE_SENTINEL.length + 2;
  return bytes.subarray(start, start + length).toString('latin1');
}
