/**
 * `npm run server [-- --port N --data DIR]`: the embedded default. Starts pouchdb-server on 127.0.0.1 with its data on
 * disk, runs `setup`, seeds a demo community on an empty server and prints the address and the demo logins.
 * For development and demonstrations only; a council runs Apache CouchDB (server/README.md).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { connectionFromEnv, verifyServer } from './admin/couch-client';
import { AdminError } from './admin/errors';
import { DEMO_CENTRAL_USER, DEMO_COMMUNITY, DEMO_VILLAGES, seedDemo } from './embedded/demo';
import { startPouchServer } from './embedded/pouchdb-process';

const ADMIN = 'admin';

/**
 * Where this demo server does less than the Apache CouchDB a council runs; the app behaves the same against both, so
 * the difference is said here, in the demo's log, and nowhere in the app.
 */
const POUCHDB_LIMITS = [
  'a demo double, not Apache CouchDB: councils run CouchDB 3 set up by `npm run admin -- setup` (README)',
  'anonymous requests are not refused server-wide (no require_valid_user), and a logged-in non-member can read a database through _find and _bulk_get (CouchDB refuses both)',
  'CORS allows the app’s local origins (127.0.0.1 and localhost, ports 4173 and 5173) and app://open-village, set at start; `setup --web-origin` does not change it',
  'replication status has no _scheduler: `status` shows the coarse state from _replicator',
  'no account lockout after failed logins, and responses are gzip-compressed (CouchDB sends them plain)',
];

function parseArgs(args: readonly string[]): { port: number; dataDir: string } {
  let port = 5984;
  let dataDir = '.data/couch';
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === '--port' && value !== undefined && /^\d+$/.test(value) && Number(value) > 0 && Number(value) < 65536) {
      port = Number(value);
      i++;
    } else if (args[i] === '--data' && value !== undefined) {
      dataDir = value;
      i++;
    } else {
      throw new Error(`Невідомий аргумент / Unknown argument: ${args[i]} (usage: npm run server -- [--port N] [--data DIR])`);
    }
  }
  return { port, dataDir: resolve(dataDir) };
}

/** The admin password of this data dir: generated on the first start, kept in a file only its owner can read. */
async function adminPassword(dataDir: string): Promise<{ password: string; file: string; isNew: boolean }> {
  const file = join(dataDir, 'admin-password');
  if (existsSync(file)) return { password: (await readFile(file, 'utf8')).trim(), file, isNew: false };
  const password = randomBytes(18).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return { password, file, isNew: true };
}

async function main(): Promise<void> {
  const { port, dataDir } = parseArgs(process.argv.slice(2));
  const admin = await adminPassword(dataDir);
  const server = await startPouchServer({
    port,
    dataDir,
    adminUser: ADMIN,
    adminPassword: admin.password,
    onStderr: (text) => process.stderr.write(text),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping pouchdb-server…`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  server.child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`pouchdb-server stopped unexpectedly (code ${code}, signal ${signal}); see ${join(dataDir, 'log.txt')}`);
    process.exit(1);
  });

  const conn = connectionFromEnv({ COUCHDB_URL: server.adminUrl });
  await verifyServer(conn);
  const community = DEMO_COMMUNITY.code;
  const isEmpty = await seedDemo(conn);

  console.log(`Open Village CouchDB (pouchdb-server) at ${server.url}`);
  console.log(`data: ${dataDir}`);
  console.log(`admin: ${ADMIN}, password in ${admin.file}${admin.isNew ? ' (generated now)' : ''}`);
  console.log(
    `admin command: COUCHDB_URL=http://${ADMIN}:$(cat ${admin.file})@127.0.0.1:${port} npm run admin -- status --community ${community}`,
  );
  console.log(isEmpty ? 'Demo community seeded. Demo logins:' : 'Demo logins (seeded on the first start):');
  console.log(`  central office (${DEMO_CENTRAL_USER.office}): ${DEMO_CENTRAL_USER.user} / ${DEMO_CENTRAL_USER.password}`);
  for (const v of DEMO_VILLAGES) console.log(`  ${v.name} (${v.code}): ${v.user} / ${v.password}`);
  console.log('Demo passwords are public: never use them on a real server. Ctrl+C stops.');
  for (const line of POUCHDB_LIMITS) console.log(`pouchdb-server: ${line}`);
}

main().catch((error: unknown) => {
  if (error instanceof AdminError) console.error(`${error.uk}\n${error.en}`);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
