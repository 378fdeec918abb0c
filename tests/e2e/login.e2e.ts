import { createServer, type Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addUser, addVillage } from '../../server/admin/provision';
import { freePort } from '../../server/embedded/pouchdb-process';
import { enterApp, textbox } from '../helpers/app-page';
import { PASSWORD, useCommunityServer } from '../helpers/community-server';
import { serveRenderer } from '../helpers/web-server';

const SHOTS = 'test-results/screenshots';
const WRONG_PASSWORD = 'not the password';

/** The users of this suite: one for the single wrong password, one that gets locked (nobody else shares its lock). */
const userFor = (what: 'typo' | 'locked', community: string) => `${what}.${community}`;

/**
 * The login tells a starosta the truth, in real Chromium against the run's Apache CouchDB: a wrong password, an
 * account the server has locked, a server that refuses this page's origin, an address where nothing answers, and
 * one where something other than CouchDB answers each get their own words and their own next step.
 */
describe('the login form says why a login did not go through', () => {
  const server = useCommunityServer(async (conn, community) => {
    await addVillage(conn, community, 'zarichne', 'Зарічне');
    for (const what of ['typo', 'locked'] as const) {
      await addUser(conn, community, {
        name: userFor(what, community),
        password: PASSWORD,
        role: 'starosta',
        village: 'zarichne',
      });
    }
  });

  /** A new PC's login form on the given copy of the app. */
  async function loginForm(context: BrowserContext, appUrl: string): Promise<Page> {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    await enterApp(page);
    await page.getByRole('link', { name: 'Увійти на сервер ради' }).click();
    await page.getByRole('heading', { name: 'Вхід на сервер ради' }).waitFor();
    return page;
  }

  /** Fills a fresh form as a person would and presses «Увійти» once; resolves with the message the form then shows. */
  async function tryLogin(page: Page, serverUrl: string, user: string, password: string): Promise<string> {
    await textbox(page, 'Адреса сервера').fill(serverUrl);
    await textbox(page, 'Ім’я користувача').fill(user);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Увійти' }).click();
    return (await page.getByRole('alert').textContent()) ?? '';
  }

  it('says a wrong password is wrong, and warns of the lockout beforehand', async () => {
    const context = await server.launch();
    try {
      const page = await loginForm(context, server.web.url);
      await page.getByText('Після 5 невдалих спроб сервер ради блокує вхід на 5 хвилин').waitFor();
      const message = await tryLogin(page, server.couch.url, userFor('typo', server.couch.community), WRONG_PASSWORD);
      expect(message).toBe('Невірне ім’я користувача або пароль');
    } finally {
      await context.close();
    }
  });

  it('after five wrong passwords says the account is locked until when, and does not invite another try', async () => {
    const context = await server.launch();
    const user = userFor('locked', server.couch.community);
    try {
      const page = await loginForm(context, server.web.url);
      const logins: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/_session')) logins.push(r.url());
      });
      for (let i = 1; i <= 5; i++) {
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/_session'));
        await textbox(page, 'Адреса сервера').fill(server.couch.url);
        await textbox(page, 'Ім’я користувача').fill(user);
        await page.getByLabel('Пароль').fill(WRONG_PASSWORD);
        await page.getByRole('button', { name: 'Увійти' }).click();
        expect((await answered).status()).toBe(401);
        await page.getByRole('button', { name: 'Увійти' }).and(page.locator(':enabled')).waitFor();
        expect(await page.getByRole('alert').textContent()).toBe('Невірне ім’я користувача або пароль');
      }

      // The right password now: CouchDB refuses it as well, and the form says until when.
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/_session'));
      await page.getByLabel('Пароль').fill(PASSWORD);
      const clickedAt = Date.now();
      await page.getByRole('button', { name: 'Увійти' }).click();
      expect((await answered).status()).toBe(403);
      const alert = page.getByRole('alert').filter({ hasText: 'тимчасово заблокував вхід' });
      await alert.waitFor();
      const message = (await alert.textContent()) ?? '';
      expect(message).toContain(`Сервер ради тимчасово заблокував вхід для «${user}» після 5 невдалих спроб.`);
      expect(message).toContain('Блокування зніметься само через 5 хвилин');
      const until = /не пізніше ніж о (\d\d:\d\d)/.exec(message)?.[1];
      const kyiv = (ms: number) =>
        new Date(ms).toLocaleTimeString('uk-UA', {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: 'Europe/Kyiv',
        });
      expect([kyiv(clickedAt + 5 * 60_000), kyiv(Date.now() + 5 * 60_000)]).toContain(until);

      // No invitation to retry: the button waits, and Enter in the password field sends nothing either.
      expect(await page.getByRole('button', { name: 'Увійти' }).isDisabled()).toBe(true);
      await page.getByLabel('Пароль').press('Enter');
      await page.screenshot({ path: `${SHOTS}/login-locked.png`, fullPage: true });
      // One request per press of the button, none repeated: six presses, six logins.
      expect(logins).toHaveLength(6);
      // The lock is the account's: another user name may log in.
      await textbox(page, 'Ім’я користувача').fill(userFor('typo', server.couch.community));
      expect(await page.getByRole('button', { name: 'Увійти' }).isEnabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('says the server refuses this app when the page comes from an origin the server does not allow', async () => {
    const other = await serveRenderer();
    const context = await server.launch();
    try {
      const origin = new URL(other.url).origin;
      const page = await loginForm(context, other.url);
      const message = await tryLogin(page, server.couch.url, userFor('typo', server.couch.community), PASSWORD);
      expect(message).toContain('Сервер ради відповідає, але не приймає запити з цієї програми');
      expect(message).toContain(`не дозволяють джерело ${origin}`);
      expect(message).toContain(`npm run admin -- setup --community <код громади> --web-origin ${origin}`);
    } finally {
      await context.close();
      await other.close();
    }
  });

  it('says nothing answers at an address with nothing behind it', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const context = await server.launch();
    try {
      const page = await loginForm(context, server.web.url);
      const message = await tryLogin(page, closed, 'anyone', PASSWORD);
      expect(message).toContain(`Сервер ради за адресою ${closed} не відповідає: немає зв’язку, сервер вимкнено`);
    } finally {
      await context.close();
    }
  });

  it('says an address is not CouchDB when something else answers there', async () => {
    const answers = [
      { type: 'text/html; charset=utf-8', status: 200, body: '<!doctype html><title>Router</title><h1>Вхід</h1>' },
      { type: 'application/json', status: 200, body: '{"service":"router","version":"2.1"}' },
      { type: 'application/json', status: 404, body: '{"error":"Not Found"}' },
    ];
    const appOrigin = new URL(server.web.url).origin;
    let answer = answers[0];
    const fake = await listen(
      createServer((req, res) => {
        // CORS allows the page, as a server meant for browsers would: the form must read the answer to judge it.
        res.setHeader('Access-Control-Allow-Origin', appOrigin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('Access-Control-Allow-Headers', 'accept, content-type, authorization');
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
        if (req.method === 'OPTIONS') return void res.writeHead(204).end();
        res.writeHead(answer?.status ?? 500, { 'Content-Type': answer?.type ?? 'text/plain' }).end(answer?.body);
      }),
    );
    const context = await server.launch();
    try {
      for (const a of answers) {
        answer = a;
        const page = await loginForm(context, server.web.url);
        const message = await tryLogin(page, fake.url, 'anyone', PASSWORD);
        expect(message, a.body).toContain(`За адресою ${fake.url} відповідає не сервер бази даних ради (CouchDB)`);
      }
    } finally {
      await context.close();
      await new Promise((resolve) => fake.server.close(resolve));
    }
  });
});

/** Starts a server on a free port of 127.0.0.1. */
function listen(server: Server): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no TCP address'));
      resolve({ server, url: `http://127.0.0.1:${address.port}` });
    });
  });
}
