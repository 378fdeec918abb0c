/**
 * The admin command as an administrator runs it: a child process, the address only in COUCHDB_URL, errors in two
 * languages with a non-zero exit code.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../../server/embedded/pouchdb-process';
import { CENTRAL_DB } from '../../../shared/couch/names';
import { http, removeVillage, startTestCouch, type TestCouch, uniqueCode } from '../../helpers/couch/test-couch';

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
let notCouch: Server;
let notCouchPort: number;
const code = uniqueCode('cl');
const user = `s-${code}`;

beforeAll(async () => {
  couch = await startTestCouch();
  notCouchPort = await freePort();
  notCouch = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Router login</body></html>');
  });
  await new Promise<void>((resolve) => notCouch.listen(notCouchPort, '127.0.0.1', resolve));
});

afterAll(async () => {
  await removeVillage(couch.conn, code, [user]);
  await new Promise((resolve) => notCouch.close(resolve));
  await couch.stop();
});

describe('ov-admin errors', () => {
  test('without COUCHDB_URL: exit 2, told to set it', async () => {
    const run = await runAdmin(['setup'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Не задано адресу CouchDB');
    expect(run.stderr).toContain('No CouchDB address: set the environment variable COUCHDB_URL');
  });

  test('an address given as an argument is refused, even with COUCHDB_URL set', async () => {
    const run = await runAdmin(['setup', 'http://admin:secret@127.0.0.1:5984'], { COUCHDB_URL: couch.adminUrl });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not taken from arguments');
  });

  test('an unreachable server: exit 1, in words', async () => {
    const run = await runAdmin(['setup'], { COUCHDB_URL: `http://admin:x@127.0.0.1:${await freePort()}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/недоступний \(ECONNREFUSED\)/);
    expect(run.stderr).toContain('cannot be reached (ECONNREFUSED)');
  });

  test('an HTTP server that is not CouchDB', async () => {
    const run = await runAdmin(['status'], { COUCHDB_URL: `http://admin:x@127.0.0.1:${notCouchPort}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('відповідає не CouchDB');
    expect(run.stderr).toContain('is not CouchDB');
  });

  test('wrong admin credentials', async () => {
    const wrong = new URL(couch.adminUrl);
    wrong.password = 'not-the-password';
    const run = await runAdmin(['setup'], { COUCHDB_URL: wrong.href });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("відхилив ім'я або пароль");
    expect(run.stderr).toContain('refused the admin name or password');
  });

  test('an invalid village code', async () => {
    const run = await runAdmin(['add-village', '--code', 'Глибоке', '--name', 'Глибоке'], { COUCHDB_URL: couch.adminUrl });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Неправильний код села «Глибоке»');
    expect(run.stderr).toContain('Invalid village code "Глибоке"');
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('ov-admin commands', () => {
  test('add-village, add-user with the password on stdin, then status --json', async () => {
    const env = { COUCHDB_URL: couch.adminUrl };
    const village = await runAdmin(['add-village', '--code', code, '--name', 'Калинівка'], env);
    expect(village.stderr).toBe('');
    expect(village.code).toBe(0);
    expect(village.stdout).toContain(`created   database ov_v_${code}`);
    const again = await runAdmin(['add-village', '--code', code, '--name', 'Калинівка'], env);
    expect(again.stdout).not.toMatch(/^(created|updated)/m);

    const added = await runAdmin(
      ['add-user', '--name', user, '--password-stdin', '--role', 'starosta', '--village', code],
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

    const status = await runAdmin(['status', '--json'], env);
    expect(status.code).toBe(0);
    const rows = JSON.parse(status.stdout) as { code: string; name: string; appeals: number }[];
    expect(rows.find((r) => r.code === code)).toMatchObject({ name: 'Калинівка', appeals: 0 });
    const table = await runAdmin(['status'], env);
    expect(table.stdout).toMatch(new RegExp(`^${code}\\s+Калинівка`, 'm'));
    expect((await http(couch.url, null, 'GET', `/${CENTRAL_DB}`)).status).toBe(401);
  });
});
