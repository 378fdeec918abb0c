import type { Role } from '../domain/appeal/appeal.types';

/** The role that wrote a record: an appeal's `registeredRole`, an event's `role` (undefined for other records). */
export function authorRole(doc: Record<string, unknown>): string | undefined {
  const role = doc.registeredRole ?? doc.role;
  return typeof role === 'string' ? role : undefined;
}

/**
 * True when a PC of this role sends the record to its server itself. The council's PC sends everything it holds,
 * including village records that came on a USB stick (its staff are the trusted office, see validate-doc-update.ts).
 * A village PC never sends records the council wrote: it holds them only because they came from the council (by sync
 * or by a transfer file), its server copy reaches the village database by replication, and the village's login may
 * not write them (the server would refuse them and they would pile up as rejected).
 */
export function sendsRecord(pcRole: Role, doc: Record<string, unknown>): boolean {
  return pcRole === 'central' || authorRole(doc) !== 'central';
}
