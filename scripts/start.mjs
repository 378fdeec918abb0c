// `npm start`: starts the embedded CouchDB-compatible demo server (unless COUCHDB_URL points at a real one), builds the
// app and opens it in Electron. Where the Electron binary cannot be had (it is downloaded from GitHub on first start,
// which a closed network refuses), the same app is served for a browser at http://127.0.0.1:4173/ instead, so the
// command always gives a working app. Ctrl+C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const children = [];

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function startChild(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  children.push(child);
  return child;
}

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** True when something already answers as CouchDB on the demo port. */
async function couchAnswers(url) {
  try {
    const body = await (await fetch(url, { signal: AbortSignal.timeout(2000) })).json();
    return typeof body.couchdb === 'string' || typeof body['express-pouchdb'] === 'string';
  } catch {
    return false;
  }
}

/** The Electron executable, downloading it on first use; null when it cannot be had. */
function electronPath() {
  try {
    // The electron package's main export is the executable path; it downloads the binary when missing and throws
    // when the download fails.
    return require('electron');
  } catch (error) {
    console.warn(`Electron is not available here (${error instanceof Error ? error.message.split('\n')[0] : error}).`);
    return null;
  }
}

if (process.env.COUCHDB_URL) {
  console.log('COUCHDB_URL is set: the app will use that server (log in with an account from `ov-admin add-user`).');
} else if (await couchAnswers('http://127.0.0.1:5984/')) {
  console.log('A CouchDB server already answers at http://127.0.0.1:5984/: using it.');
} else {
  const server = startChild(process.execPath, ['server/bin/ov-server.mjs']);
  for (let i = 0; i < 60 && !(await couchAnswers('http://127.0.0.1:5984/')); i++) {
    if (server.exitCode !== null) stopAll(server.exitCode ?? 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

run(npm, ['run', 'build']);
const electron = electronPath();
if (electron) {
  startChild(electron, ['.']).on('exit', (code) => stopAll(code ?? 0));
} else {
  console.warn('Opening the app in browser mode instead: http://127.0.0.1:4173/ (Ctrl+C stops it).');
  startChild(npm, ['exec', '--', 'vite', 'preview', '--config', 'renderer/vite.config.ts', '--port', '4173', '--strictPort']).on(
    'exit',
    (code) => stopAll(code ?? 0),
  );
}
