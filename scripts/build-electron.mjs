// Bundles the Electron main process and preload with esbuild. Everything the app runs is bundled, so the
// packaged app.asar holds no node_modules (package.json has no runtime "dependencies" on purpose).
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/electron`;
const started = performance.now();

await rm(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  // No source maps in the package: they would ship our sources inside app.asar; stack traces stay readable unminified.
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
};

const [main, preload] = await Promise.all([
  build({
    ...common,
    entryPoints: { main: `${root}electron/main/index.ts` },
    outdir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    target: 'node22',
  }),
  build({
    ...common,
    entryPoints: { preload: `${root}electron/preload/index.ts` },
    outdir,
    outExtension: { '.js': '.cjs' },
    // A sandboxed preload can require only `electron` (and a few polyfills): platform "browser" makes esbuild
    // fail on any Node built-in that slips into its import graph.
    platform: 'browser',
    target: 'chrome140',
  }),
]);

// Belt and braces: the preload bundle must import nothing but electron, or the sandbox refuses to run it.
const preloadImports = Object.values(preload.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
const forbidden = preloadImports.filter((p) => p !== 'electron');
if (forbidden.length > 0) {
  console.error(`preload must require only electron, found: ${forbidden.join(', ')}`);
  process.exit(1);
}

const size = (r) => Object.values(r.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `built dist/electron: main.cjs ${size(main)} B, preload.cjs ${size(preload)} B in ${Math.round(performance.now() - started)} ms`,
);
