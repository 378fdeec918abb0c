import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

/** A running static server for the built renderer (`dist/renderer`), as `npm run web` serves it. */
export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the built renderer on 127.0.0.1 with a given port (0 picks a free one). */
export async function serveRenderer(port = 0): Promise<WebServer> {
  const server = await preview({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}
