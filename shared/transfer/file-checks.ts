/**
 * Shape and version checks shared by both layouts of a backup or transfer file (format.ts): a parsed header or body is
 * untrusted JSON until these say otherwise.
 */
import type { Problem } from '../domain/problem';
import type { TransferBody, TransferHeader } from './file-types';
import { TRANSFER_PROBLEMS } from './problems';
import { compareVersions } from './version';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a parsed header has every field both layouts share, with the right type. */
export function hasHeaderFields(v: Record<string, unknown>): v is Record<string, unknown> & TransferHeader {
  return (
    typeof v.format === 'string' &&
    typeof v.formatVersion === 'number' &&
    typeof v.appVersion === 'string' &&
    (v.kind === 'backup' || v.kind === 'transfer') &&
    typeof v.createdAt === 'string' &&
    (v.community === null || typeof v.community === 'string') &&
    typeof v.from === 'string' &&
    (v.to === null || typeof v.to === 'string') &&
    isObject(v.collections) &&
    Object.values(v.collections).every((c) => isObject(c) && typeof c.schemaVersion === 'number' && typeof c.count === 'number')
  );
}

/** The header fields both layouts share, without anything layout-specific. */
export function commonHeader(v: TransferHeader): TransferHeader {
  const { format, formatVersion, appVersion, kind, createdAt, community, from, to, collections } = v;
  return { format, formatVersion, appVersion, kind, createdAt, community, from, to, collections };
}

/** A refusal when the file comes from a newer app: its app version, or a collection schema newer than this app's. */
export function newerProblem(
  header: TransferHeader,
  app: { appVersion: string; schemaVersions: Record<string, number> },
): Problem | null {
  if (compareVersions(header.appVersion, app.appVersion) > 0) return TRANSFER_PROBLEMS.newer(header.appVersion);
  for (const [name, info] of Object.entries(header.collections)) {
    const known = app.schemaVersions[name];
    if (known === undefined || info.schemaVersion > known) return TRANSFER_PROBLEMS.newer(header.appVersion);
  }
  return null;
}

/** True when a parsed body has the layout's shape (documents are checked one by one at import). */
export function isBody(v: unknown): v is TransferBody {
  if (!isObject(v) || !isObject(v.collections) || !(v.profile === null || isObject(v.profile))) return false;
  return Object.values(v.collections).every(
    (docs) => Array.isArray(docs) && docs.every((d) => isObject(d) && typeof d.id === 'string'),
  );
}

/** Parses body bytes and checks them against the header's counts, or null when they do not fit. */
export function parseBody(bytes: Uint8Array, header: TransferHeader): TransferBody | null {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (!isBody(body)) return null;
  for (const [name, docs] of Object.entries(body.collections)) {
    if (header.collections[name]?.count !== docs.length) return null;
  }
  return body;
}
