/**
 * Builds the app (as `npm run build` would) and packages it with electron-builder `--linux dir` into a temp
 * folder, using the repository's real electron-builder.yml and node_modules, a stand-in Electron, and no network.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createElectronStandIn } from './electron-stand-in';

const run = promisify(execFile);

export interface PackagedApp {
  /** The temp folder holding everything; remove it when done. */
  workDir: string;
  /** The unpacked app folder (what the AppImage and deb would contain). */
  appOutDir: string;
  asarPath: string;
  executable: string;
  electronVersion: string;
  log: string;
}

function npm(root: string, script: string) {
  // npm is a .cmd on Windows, which execFile can only start through a shell.
  return run('npm', ['run', script], { cwd: root, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
}

/** Builds dist/ (the renderer only when missing: the lead's e2e and `npm test` build it) and packages the app. */
export async function buildAndPackage(root: string): Promise<PackagedApp> {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    try {
      await npm(root, 'build:renderer');
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`dist/renderer is missing and \`npm run build:renderer\` failed:\n${stderr.slice(-4000)}`);
    }
  }
  // Always rebuild main and preload (~0.3 s) so the package reflects the current electron/ sources.
  await npm(root, 'build:electron');

  const work = mkdtempSync(join(tmpdir(), 'ov-packaging-'));
  const electronDist = createElectronStandIn(join(work, 'electron-dist'));
  const output = join(work, 'release');
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const { stdout, stderr } = await run(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } },
  );
  const appOutDir = join(output, 'linux-unpacked');
  return {
    workDir: work,
    appOutDir,
    asarPath: join(appOutDir, 'resources', 'app.asar'),
    executable: join(appOutDir, 'open-village'),
    electronVersion,
    log: `${stdout}\n${stderr}`,
  };
}
