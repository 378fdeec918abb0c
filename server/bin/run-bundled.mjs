// Runs one of the server's TypeScript entries. shared/ imports without file extensions (bundler resolution), which
// Node's own type stripping cannot load, so the entry is bundled with esbuild (a devDependency) into dist/server first:
// ~0.1 s, every run, so the command never runs stale code. Written to a temporary name and renamed, so two commands
// started at once never import a half-written file.
import { rename } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles server/<entry>.ts into dist/server/<entry>.mjs and imports it. */
export async function runBundled(entry) {
  const outfile = `${root}dist/server/${entry}.mjs`;
  const temp = `${outfile}.${process.pid}.tmp`;
  await build({
    entryPoints: [`${root}server/${entry}.ts`],
    outfile: temp,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // pouchdb-server stays a package: it is spawned as its own process, never bundled.
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  await rename(temp, outfile);
  await import(pathToFileURL(outfile).href);
}
