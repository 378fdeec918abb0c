/**
 * Packages the app with electron-builder (`--linux dir`, stand-in Electron, offline) and checks what ships:
 * app.asar must hold only package.json, dist/electron and dist/renderer (all code is bundled), and the
 * electron-builder.yml hardening (fuses, trimmed locales) must have been applied.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndPackage, type PackagedApp } from '../helpers/packaging/build-package';
import { readFuseWire } from '../helpers/packaging/electron-stand-in';

const root = fileURLToPath(new URL('../..', import.meta.url));
let packaged: PackagedApp;
let entries: string[];

const read = (entry: string) => extractFile(packaged.asarPath, entry).toString('utf8');

beforeAll(async () => {
  const started = performance.now();
  packaged = await buildAndPackage(root);
  // asar lists entries with the platform separator and a leading one; normalise to "dist/x/y".
  entries = listPackage(packaged.asarPath, { isPack: false }).map((e) => e.replace(/\\/g, '/').replace(/^\//, ''));
  console.info(`packaging: build + electron-builder --dir in ${Math.round(performance.now() - started)} ms`);
});

afterAll(() => {
  if (packaged) rmSync(packaged.workDir, { recursive: true, force: true });
});

describe('packaged app.asar', () => {
  it('holds the bundled main, the preload, the renderer and package.json', () => {
    expect(entries).toEqual(
      expect.arrayContaining(['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']),
    );
    expect(entries.some((e) => /^dist\/renderer\/.+\.js$/.test(e))).toBe(true);
  });

  it('holds nothing but package.json, dist/electron and dist/renderer', () => {
    const outside = entries.filter((e) => e !== 'package.json' && e !== 'dist' && !/^dist\/(electron|renderer)(\/|$)/.test(e));
    expect(outside).toEqual([]);
  });

  it('ships no sources, tests, node_modules or source maps', () => {
    const leaked = entries.filter(
      (e) =>
        /\.(ts|tsx|mts|cts|map)$/.test(e) ||
        /(^|\/)(node_modules|renderer\/features|tests)(\/|$)/.test(e) ||
        /^(renderer|shared|electron|server|scripts|build)\//.test(e),
    );
    expect(leaked).toEqual([]);
  });

  it('has a package.json that starts the bundled main and lists no runtime dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as Record<string, unknown>;
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.devDependencies).toBeUndefined();
    expect(Object.keys((pkg.dependencies as Record<string, string> | undefined) ?? {})).toEqual([]);
  });

  it('contains the main bundle just built, not a stale one', () => {
    expect(read('dist/electron/main.cjs')).toBe(readFileSync(join(root, 'dist', 'electron', 'main.cjs'), 'utf8'));
  });

  it('has a sandbox-compatible preload: one file that requires only electron', () => {
    const requires = [...read('dist/electron/preload.cjs').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });

  it('has an index.html whose scripts and styles resolve relatively inside the package (app:// scheme)', () => {
    const html = read('dist/renderer/index.html');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '').filter((r) => !/^(data:|#)/.test(r));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, `${ref} must be relative (Vite base './')`).toMatch(/^\.\//);
      expect(entries).toContain(`dist/renderer/${ref.replace(/^\.\//, '').split(/[?#]/)[0]}`);
    }
  });
});

describe('packaged Electron folder', () => {
  it('names the executable open-village and keeps the Electron and Chromium licenses', () => {
    const files = readdirSync(packaged.appOutDir);
    expect(files).toEqual(expect.arrayContaining(['open-village', 'LICENSE.electron.txt', 'LICENSES.chromium.html']));
    expect(files).not.toContain('electron');
  });

  it('keeps only the Ukrainian and English Chromium locales', () => {
    expect(readdirSync(join(packaged.appOutDir, 'locales')).sort()).toEqual(['en-US.pak', 'uk.pak']);
  });

  it('flips the security fuses: no RunAsNode, NODE_OPTIONS or inspect flags; app only from asar', () => {
    // Order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar,
    // V8Snapshot, GrantFileProtocolExtraPrivileges (see electron-stand-in.ts for the shipped defaults).
    expect(readFuseWire(packaged.executable)).toBe('00000100');
  });
});
