/**
 * How many appeals and events a server database holds, cheaply enough to poll every quarter second during a
 * measurement (the server shares the machine's two cores with the client being measured): never the documents.
 */
import { request } from '../../../server/admin/couch-client';
import type { BenchServer } from './servers';

const key = (k: string) => encodeURIComponent(JSON.stringify(k));

/**
 * Appeals and events in `db`. CouchDB tells an `_all_docs` position as `offset`, so two requests without rows per
 * kind do (`;` follows `:` in _all_docs' raw collation, so the range is every id with the prefix); pouchdb-server
 * always answers offset 0, so there the ids of the range are listed and counted.
 */
export async function recordsIn(server: BenchServer, db: string): Promise<number> {
  let n = 0;
  for (const kind of ['appeal', 'event']) {
    if (server.kind === 'couchdb') {
      const offset = async (k: string) => {
        const res = await request<{ offset?: number }>(server.couch.conn, 'GET', `/${db}/_all_docs?limit=0&startkey=${key(k)}`);
        if (typeof res.body?.offset !== 'number') throw new Error(`_all_docs of ${db} gave no offset (HTTP ${res.status})`);
        return res.body.offset;
      };
      n += (await offset(`${kind};`)) - (await offset(`${kind}:`));
    } else {
      const path = `/${db}/_all_docs?startkey=${key(`${kind}:`)}&endkey=${key(`${kind};`)}&inclusive_end=false`;
      const res = await request<{ rows?: unknown[] }>(server.couch.conn, 'GET', path);
      if (!Array.isArray(res.body?.rows)) throw new Error(`_all_docs of ${db}: HTTP ${res.status}`);
      n += res.body.rows.length;
    }
  }
  return n;
}
