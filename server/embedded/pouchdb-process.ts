/**
 * Starts and stops pouchdb-server as a child process on 127.0.0.1: used by `npm run server` and by the integration
 * tests (tests/helpers/couch). Its configuration file is written before the start, so the admin exists from the first
 * request on (no "admin party" window) and CORS is limited to the app's origins.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CORS_HEADERS, DESKTOP_ORIGIN, originList } from '../../shared/couch/server-settings';

/** Origins the app is served from: the browser preview, the Vite dev server and Electron's own protocol. */
export const APP_ORIGINS = [
  'http://127.0.0.1:4173',
  'http://localhost:4173',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  DESKTOP_ORIGIN,
];

/** How to start the server. */
export interface PouchServerOptions {
  port: number;
  dataDir: string;
  adminUser: string;
  adminPassword: string;
  /** Keep every database in memory (tests); the data dir still holds the config file and the log. */
  inMemory?: boolean;
  corsOrigins?: readonly string[];
  /** Receives the server's stderr (crashes); stdout request logs go to `<dataDir>/log.txt`. */
  onStderr?: (text: string) => void;
}

/** A running server. */
export interface PouchServer {
  /** Base address without credentials, e.g. `http://127.0.0.1:5984`. */
  url: string;
  /** The same with the admin's credentials. */
  adminUrl: string;
  port: number;
  child: ChildProcess;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s) and waits for its exit. */
  stop: () => Promise<void>;
}

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function writeConfig(file: string, options: PouchServerOptions): Promise<void> {
  const current = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, Record<string, unknown>>) : {};
  const admins = current.admins ?? {};
  // A plain password here is hashed by pouchdb-server when it starts (and the file rewritten); keep an existing hash.
  if (!(options.adminUser in admins)) admins[options.adminUser] = options.adminPassword;
  const config = {
    ...current,
    admins,
    httpd: { ...current.httpd, enable_cors: true },
    cors: {
      ...current.cors,
      // pouchdb-server splits this list on ", " exactly (docs/couchdb.md).
      origins: originList(options.corsOrigins ?? APP_ORIGINS),
      credentials: true,
      headers: CORS_HEADERS.join(', '),
      methods: 'GET, HEAD, POST, PUT, DELETE, COPY',
    },
    log: { ...current.log, file: join(options.dataDir, 'log.txt') },
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with code ${child.exitCode} while starting`);
    try {
      const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not answer on ${url} within ${timeoutMs} ms`);
}

/** True when nothing listens on the port of 127.0.0.1. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Starts pouchdb-server and resolves once it answers. */
export async function startPouchServer(options: PouchServerOptions): Promise<PouchServer> {
  // Checked first: another server on the port would answer the readiness poll in this one's place.
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Порт ${options.port} уже зайнятий / Port ${options.port} is already in use (try --port ${options.port + 1})`,
    );
  }
  await mkdir(options.dataDir, { recursive: true });
  const configFile = join(options.dataDir, 'config.json');
  await writeConfig(configFile, options);
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const args = [
    bin,
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--config',
    configFile,
    '--no-stdout-logs',
    '--no-color',
  ];
  // pouchdb-server joins the directory and the database name without a separator.
  args.push('--dir', join(options.dataDir, '/'));
  if (options.inMemory) args.push('--in-memory');
  const child = spawn(process.execPath, args, { cwd: options.dataDir, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => options.onStderr?.(text));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilUp(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const credentials = `${encodeURIComponent(options.adminUser)}:${encodeURIComponent(options.adminPassword)}`;
  return { url, adminUrl: `http://${credentials}@127.0.0.1:${options.port}`, port: options.port, child, stop };
}
