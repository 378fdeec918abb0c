/** Something else answering HTTP where CouchDB was expected (a router's login page), for "not CouchDB" tests. */
import { createServer } from 'node:http';
import { freePort } from '../../server/embedded/pouchdb-process';

/** A running non-CouchDB server on 127.0.0.1. */
export interface NotCouch {
  port: number;
  close: () => Promise<void>;
}

/** Starts an HTTP server on a free port that answers every request with an HTML page. */
export async function startNotCouch(): Promise<NotCouch> {
  const port = await freePort();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Router login</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
