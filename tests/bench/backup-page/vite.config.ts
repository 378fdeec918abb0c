import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

// Builds only the backup benchmark's page (no app) into its own folder, so it never touches dist/bench, which the
// register benchmark may be serving: `npm run bench:backup` builds it, tests/bench/backup.bench.ts serves it.
export default defineConfig({
  root: repo,
  base: './',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../../dist/bench-backup', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { backup: fileURLToPath(new URL('./backup.html', import.meta.url)) },
    },
  },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
});
