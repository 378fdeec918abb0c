import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (docs/architecture.md: Playwright cannot download browsers here); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags without which Chromium reaches for the closed network at every start. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=uk-UA',
];

/** A fresh browser profile folder; remove it with `removeProfile`. */
export function newProfileDir(prefix = 'ov-profile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a profile folder made by `newProfileDir`. */
export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Launches headless Chromium with a persistent profile (real IndexedDB on disk), as a person's browser would keep it. */
export async function launchWithProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    locale: 'uk-UA',
    timezoneId: 'Europe/Kyiv',
    viewport: { width: 1366, height: 768 },
  });
}
