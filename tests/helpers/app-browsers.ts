import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openApp } from './app-page-extra';
import { launchWithProfile, newProfileDir, removeProfile } from './browser';
import { serveRenderer, type WebServer } from './web-server';

/** Where end-to-end tests save their screenshots. */
export const SHOTS = 'test-results/screenshots';

/** The app served once per test file, and a fresh browser profile per test. */
export interface AppBrowsers {
  /** Opens the app in a new Chromium with an empty profile (closed after the test). */
  fresh(): Promise<Page>;
  /** The browser of the current test. */
  readonly context: BrowserContext;
}

/** Registers the hooks of a suite that opens the built renderer in fresh Chromium profiles. */
export function useAppBrowsers(): AppBrowsers {
  let server: WebServer | undefined;
  let context: BrowserContext | undefined;
  const profiles: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveRenderer();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await server?.close();
    for (const dir of profiles) removeProfile(dir);
  });

  return {
    async fresh() {
      if (!server) throw new Error('the app server is not running');
      const dir = newProfileDir();
      profiles.push(dir);
      context = await launchWithProfile(dir);
      return openApp(context, server.url);
    },
    get context() {
      if (!context) throw new Error('no browser is open');
      return context;
    },
  };
}
