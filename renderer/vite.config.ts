import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

// pdf.js decodes JBIG2 and JPEG 2000 scans with modules it imports at run time by fixed names from `wasmUrl`
// (renderer/features/files/pdf-document.ts). WebAssembly stays off (it would need 'wasm-unsafe-eval' in the CSP),
// so only the plain-JavaScript fallbacks are shipped, under pdfjs/ with their licences.
const PDFJS_FILES = [
  'jbig2_nowasm_fallback.js',
  'openjpeg_nowasm_fallback.js',
  'LICENSE_JBIG2',
  'LICENSE_OPENJPEG',
  'LICENSE_PDFJS_JBIG2',
  'LICENSE_PDFJS_OPENJPEG',
];
const pdfjsFile = (name: string) => new URL(`../node_modules/pdfjs-dist/wasm/${name}`, import.meta.url);

/**
 * Copies pdf.js's decoder fallbacks into the build (and serves them in dev), then writes precache.json: every file
 * of the build, so the browser-mode service worker (public/sw.js) caches lazily loaded code too (the PDF viewer,
 * its worker, the report exporter), which index.html does not link.
 */
function pdfjsAssetsAndPrecacheList(): Plugin {
  return {
    name: 'open-village:pdfjs-assets-and-precache-list',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.match(/\/pdfjs\/([\w.]+)$/)?.[1];
        if (!name || !PDFJS_FILES.includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.js') ? 'text/javascript' : 'text/plain');
        res.end(readFileSync(pdfjsFile(name)));
      });
    },
    generateBundle(_options, bundle) {
      for (const name of PDFJS_FILES) {
        this.emitFile({ type: 'asset', fileName: `pdfjs/${name}`, source: readFileSync(pdfjsFile(name)) });
      }
      const decoders = PDFJS_FILES.filter((f) => f.endsWith('.js')).map((f) => `pdfjs/${f}`);
      const files = [...Object.keys(bundle).filter((f) => f.startsWith('assets/')), ...decoders].sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify(files, null, 1)}\n` });
    },
  };
}

// One renderer for Electron (served from app://open-village/) and for a plain browser: relative asset paths.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), pdfjsAssetsAndPrecacheList()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  // The report worker (features/reports/report.worker.ts) as an ES module, started with `type: 'module'`.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
