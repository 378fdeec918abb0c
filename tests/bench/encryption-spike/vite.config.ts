import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

// Builds only the spike page (no app): `node tests/bench/encryption-spike/run.ts` builds it and serves it from dist/.
export default defineConfig({
  root: repo,
  base: './',
  define: { __APP_VERSION__: JSON.stringify('encryption-spike') },
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../../dist/encryption-spike', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { spike: fileURLToPath(new URL('./page/spike.html', import.meta.url)) },
    },
  },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
});
