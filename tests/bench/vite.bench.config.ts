import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('../..', import.meta.url));

// Builds the real app and the benchmark page into one folder, so both share one origin and one IndexedDB:
// the page seeds and measures the data layer, the app then opens the same database as a person would.
export default defineConfig({
  root: repo,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('bench') },
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        app: fileURLToPath(new URL('../../renderer/index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./page/bench.html', import.meta.url)),
        council: fileURLToPath(new URL('./page/council.html', import.meta.url)),
      },
    },
  },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
});
