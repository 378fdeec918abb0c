/**
 * The admin command as an administrator runs it: a child process, the address only in COUCHDB_URL, errors in two
 * languages with a non-zero exit code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from '../../../server/admin/couch-client';
import { freePort } from '../../../server/embedded/pouchdb-process';
import { http, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';
import { type NotCouch, startNotCouch } from '../../helpers/not-couch';

const BIN = fileURLToPath(new URL('../../../server/bin/ov-admin.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAdmin(args: string[], env: Record<string, string | undefined>, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { COUCHDB_URL: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...rest, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let couch: TestCouch;
let notCouch: NotCouch;
const code = uniqueCode('cl');
const user = `s-${code}`;

beforeAll(async () => {
  couch = await startTestCouch();
  notCouch = await startNotCouch();
});

afterAll(async () => {
  await notCouch?.close();
  await couch?.stop();
});

describe('ov-admin errors', () => {
  test('without COUCHDB_URL: exit 2, told to set it', async () => {
    const run = await runAdmin(['setup', '--community', couch.community], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Не задано адресу CouchDB');
    expect(run.stderr).toContain('No CouchDB address: set the environment variable COUCHDB_URL');
  });

  test('an address given as an argument is refused, even with COUCHDB_URL set', async () => {
    const run = await runAdmin(['setup', '--community', couch.community, 'http://admin:secret@127.0.0.1:5984'], {
      COUCHDB_URL: couch.adminUrl,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not taken from arguments');
  });

  test('an unreachable server: exit 1, in words', async () => {
    const run = await runAdmin(['setup', '--community', couch.community], {
      COUCHDB_URL: `http://admin:x@127.0.0.1:${await freePort()}`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/недоступний \(ECONNREFUSED\)/);
    expect(run.stderr).toContain('cannot be reached (ECONNREFUSED)');
  });

  test('an HTTP server that is not CouchDB', async () => {
    const run = await runAdmin(['status', '--community', couch.community], {
      COUCHDB_URL: `http://admin:x@127.0.0.1:${notCouch.port}`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('відповідає не CouchDB');
    expect(run.stderr).toContain('is not CouchDB');
  });

  test('wrong admin credentials', async () => {
    const wrong = new URL(couch.adminUrl);
    wrong.password = 'not-the-password';
    // One failed login of the run's admin: CouchDB locks an account out after 5 failures from one address.
    const run = await runAdmin(['setup', '--community', couch.community], { COUCHDB_URL: wrong.href });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("відхилив ім'я або пароль");
    expect(run.stderr).toContain('refused the admin name or password');
  });

  test('an invalid village code', async () => {
    const run = await runAdmin(['add-village', '--community', couch.community, '--code', 'Глибоке', '--name', 'Глибоке'], {
      COUCHDB_URL: couch.adminUrl,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Неправильний код села «Глибоке»');
    expect(run.stderr).toContain('Invalid village code "Глибоке"');
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });

  test('a command without --community: exit 2 before touching the server', async () => {
    const run = await runAdmin(['status'], { COUCHDB_URL: 'http://admin:x@127.0.0.1:1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Потрібен аргумент --community');
    expect(run.stderr).toContain('--community is required');
  });

  test('add-village of a community not set up yet: exit 1, told to run setup first', async () => {
    const run = await runAdmin(['add-village', '--community', couch.community, '--code', code, '--name', 'Калинівка'], {
      COUCHDB_URL: couch.adminUrl,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Громаду «${couch.community}» на цьому сервері не налаштовано`);
    expect(run.stderr).toContain(`run setup --community ${couch.community}`);
    expect((await request(couch.conn, 'GET', `/${couch.names.villageDb(code)}`)).status).toBe(404);
  });
});

describe('ov-admin commands', () => {
  test('setup with a web origin, add-village, add-user with the password on stdin, then status --json', async () => {
    const env = { COUCHDB_URL: couch.adminUrl };
    const origin = 'https://rada.example.ua';
    const setup = await runAdmin(
      ['setup', '--community', couch.community, '--community-name', 'Калинівська громада', '--web-origin', origin],
      env,
    );
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain(`created   database ${couch.names.centralDb}`);
    // Server-wide: added to the origins other communities may have listed, never replacing them.
    const origins = await request<string>(couch.conn, 'GET', '/_node/_local/_config/cors/origins');
    expect(origins.body.split(',').map((o) => o.trim())).toEqual(expect.arrayContaining(['app://open-village', origin]));

    const village = await runAdmin(['add-village', '--community', couch.community, '--code', code, '--name', 'Калинівка'], env);
    expect(village.stderr).toBe('');
    expect(village.code).toBe(0);
    expect(village.stdout).toContain(`created   database ${couch.names.villageDb(code)}`);
    const again = await runAdmin(['add-village', '--community', couch.community, '--code', code, '--name', 'Калинівка'], env);
    expect(again.stdout).not.toMatch(/^(created|updated)/m);

    const added = await runAdmin(
      ['add-user', '--community', couch.community, '--name', user, '--password-stdin', '--role', 'starosta', '--village', code],
      env,
      'stdin-password\n',
    );
    expect(added.code).toBe(0);
    const session = await http<{ userCtx: { name: string } }>(
      couch.url,
      { name: user, password: 'stdin-password' },
      'GET',
      '/_session',
    );
    expect(session.body.userCtx.name).toBe(user);

    const status = await runAdmin(['status', '--community', couch.community, '--json'], env);
    expect(status.code).toBe(0);
    const { villages: rows } = JSON.parse(status.stdout) as { villages: { code: string; name: string; appeals: number }[] };
    expect(rows.find((r) => r.code === code)).toMatchObject({ name: 'Калинівка', appeals: 0 });
    const table = await runAdmin(['status', '--community', couch.community], env);
    expect(table.stdout).toMatch(new RegExp(`^${code}\\s+Калинівка`, 'm'));
    expect((await http(couch.url, null, 'GET', `/${couch.names.centralDb}`)).status).toBe(401);
  });
});
