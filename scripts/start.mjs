// `npm start`: builds the app and opens it in Electron. Where the Electron binary cannot be had (it is downloaded from
// GitHub on first start, which a closed network refuses), the same renderer is served for a browser instead, so the
// command always gives a working app: http://127.0.0.1:4173/ (the data stays in that browser's IndexedDB).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
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

run(npm, ['run', 'build']);
const electron = electronPath();
if (electron) {
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.warn('Opening the app in browser mode instead: http://127.0.0.1:4173/ (Ctrl+C stops it).');
  run(npm, ['exec', '--', 'vite', 'preview', '--config', 'renderer/vite.config.ts', '--port', '4173', '--strictPort']);
}
