/**
 * Shape and version checks shared by both layouts of a backup or transfer file (format.ts): a parsed header or body is
 * untrusted JSON until these say otherwise.
 */
import type { Problem } from '../domain/problem';
import type { TransferHeader } from './file-types';
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
