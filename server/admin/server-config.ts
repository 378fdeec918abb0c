/**
 * The server-wide part of `setup`: CouchDB's configuration as the app needs it (shared/couch/server-settings.ts), on
 * every node of the cluster. Origins are only ever added: one server may host several communities, each listing its own
 * web origins, and a re-run must not drop another community's.
 */
import { DESKTOP_ORIGIN, parseOriginList, type ServerSetting, serverSettings } from '../../shared/couch/server-settings';
import { type CouchConnection, expect, type ServerKind } from './couch-client';
import { errors } from './errors';
import type { Change } from './provision';

type Config = Record<string, Record<string, string> | undefined>;

/** The nodes of the cluster (one on a single node). */
export async function clusterNodes(conn: CouchConnection): Promise<string[]> {
  const res = await expect<{ all_nodes?: string[] }>(conn, 'GET /_membership', [200], 'GET', '/_membership');
  return res.body.all_nodes ?? [];
}

/** A node's whole configuration. */
export async function nodeConfig(conn: CouchConnection, node: string): Promise<Config> {
  const path = `/_node/${encodeURIComponent(node)}/_config`;
  return (await expect<Config>(conn, `GET ${path}`, [200], 'GET', path)).body;
}

/** The settings a node should have: the origins it already allows, the desktop app's and the ones given, once each. */
export function wantedSettings(config: Config, webOrigins: readonly string[]): ServerSetting[] {
  const origins = [...new Set([DESKTOP_ORIGIN, ...parseOriginList(config.cors?.origins), ...webOrigins])];
  return serverSettings(origins);
}

/** Writes what differs on every node; pouchdb-server (the demo) gets its CORS from the demo launcher instead. */
export async function configureServer(conn: CouchConnection, kind: ServerKind, webOrigins: readonly string[]): Promise<Change[]> {
  if (kind === 'pouchdb-server') {
    return [{ what: 'server settings', action: 'unchanged', note: 'pouchdb-server: CORS is set when the demo server starts' }];
  }
  for (const origin of webOrigins) checkOrigin(origin);
  const changes: Change[] = [];
  for (const node of await clusterNodes(conn)) {
    const config = await nodeConfig(conn, node);
    for (const s of wantedSettings(config, webOrigins)) {
      const what = `${node} [${s.section}] ${s.key}`;
      if (config[s.section]?.[s.key] === s.value) {
        changes.push({ what, action: 'unchanged' });
        continue;
      }
      const path = `/_node/${encodeURIComponent(node)}/_config/${s.section}/${s.key}`;
      await expect(conn, `PUT ${path}`, [200], 'PUT', path, s.value);
      changes.push({ what: `${what} = ${s.value}`, action: config[s.section]?.[s.key] === undefined ? 'created' : 'updated' });
    }
  }
  return changes;
}

/** Throws unless the origin is what a browser sends: http(s) scheme, host and port, nothing else. */
export function checkOrigin(origin: string): void {
  let url: URL | null = null;
  try {
    url = new URL(origin);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
    throw errors.badOrigin(origin);
  }
}
