/**
 * The council's server for end-to-end suites with more than one browser: the built app on a free port, the run's
 * Apache CouchDB set up for it by the admin command (`setup` with the app's web origin: CORS, login, limits) in a
 * community of the suite's own, and the login form filled in as a person would. One copy of the hooks and of the login
 * for every suite that plays a village and the council.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { CouchConnection } from '../../server/admin/couch-client';
import { createOperator, textbox } from './app-page';
import { launchWithProfile, newProfileDir, removeProfile } from './browser';
import { startTestCouch, type TestCouch } from './couch/test-couch';
import { serveRenderer, type WebServer } from './web-server';

/** The password of every user a suite creates. */
export const PASSWORD = 'correct horse battery';

export interface CommunityServer {
  readonly couch: TestCouch;
  readonly web: WebServer;
  /** A browser with a fresh profile of its own, removed after the suite. */
  launch(): Promise<BrowserContext>;
}

/**
 * Registers the suite's hooks: before all, the app and a server with the central database and the community (`setup`), and whatever
 * `provision` adds (villages, users, documents); after all, both stopped and the browser profiles removed.
 */
export function useCommunityServer(provision: (conn: CouchConnection, community: string) => Promise<void>): CommunityServer {
  let couch: TestCouch | undefined;
  let web: WebServer | undefined;
  const profiles: string[] = [];

  beforeAll(async () => {
    web = await serveRenderer();
    couch = await startTestCouch();
    await couch.setup([new URL(web.url).origin]);
    await provision(couch.conn, couch.community);
  });

  afterAll(async () => {
    await couch?.stop();
    await web?.close();
    for (const p of profiles) removeProfile(p);
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the community server starts in beforeAll');
    return value;
  };
  return {
    get couch() {
      return started(couch);
    },
    get web() {
      return started(web);
    },
    launch() {
      const profile = newProfileDir();
      profiles.push(profile);
      return launchWithProfile(profile);
    },
  };
}

/** Logs a new PC in through the login form (workstation 1) and waits for the register; `serverUrl`: another way to the server (a proxy). */
export async function logIn(
  context: BrowserContext,
  server: CommunityServer,
  user: string,
  options: { operator?: string; villageName?: string; serverUrl?: string } = {},
): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.web.url);
  await createOperator(page, options.operator ?? 'Мельник І. В.');
  await page.getByRole('link', { name: 'Увійти на сервер ради' }).click();
  await textbox(page, 'Адреса сервера').fill(options.serverUrl ?? server.couch.url);
  await textbox(page, 'Ім’я користувача').fill(user);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByLabel('Номер робочого місця').fill('1');
  if (options.villageName) await textbox(page, 'Назва села (старостинського округу)').fill(options.villageName);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByRole('heading', { name: 'Реєстр звернень' }).waitFor();
  return page;
}
