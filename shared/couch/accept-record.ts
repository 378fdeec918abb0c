/**
 * Whether a record may enter this PC's local database: exactly when a legitimate writer could have written it to this
 * PC's server database. The server's own rules decide (`checkRecord`, the text CouchDB runs as validate_doc_update),
 * with the writer derived from the record itself: its `registeredRole` (appeals) or `role` (events, files) and its
 * `villageId`. So structure (the schemas), village scope and the role/permission matrix hold on every path a record
 * comes by; rules that change between app versions (classifier codes, form lengths) never refuse a record here.
 */
import { CENTRAL_VILLAGE_ID, communityNames, ID_PREFIX, isCode } from './names';
import { RECORD_REVISION } from './record-revision';
import { checkRecord } from './record-rules';
import { type DbScope, validationConfig } from './validate-doc-update';

/** The kinds of local records that enter through ingest. */
export type RecordKind = 'appeal' | 'event' | 'file';

/** Why a record was not accepted, in both languages of the app. */
export interface Reason {
  uk: string;
  en: string;
}

/** The roles a legitimate writer of this record would carry, or null when the record names no known role. */
function writerRoles(kind: RecordKind, doc: Record<string, unknown>, community: string): string[] | null {
  const names = communityNames(community);
  const role = kind === 'appeal' ? doc.registeredRole : doc.role;
  const village = typeof doc.villageId === 'string' ? doc.villageId : '';
  if (role === 'central') return [names.centralRole];
  if (role === 'starosta') return [names.villageRole(village), names.starostaRole];
  if (role === 'clerk') return [names.villageRole(village), names.clerkRole];
  return null;
}

/** The reason in a refusal thrown by `checkRecord` (`{forbidden: "uk / en"}` or `{unauthorized}`). */
function reasonOf(thrown: unknown): Reason {
  const t = thrown as { forbidden?: unknown; unauthorized?: unknown } | null;
  const text = typeof t?.forbidden === 'string' ? t.forbidden : typeof t?.unauthorized === 'string' ? t.unauthorized : null;
  if (text === null) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return { uk: `Запис не пройшов перевірку (${detail})`, en: `The record failed the check (${detail})` };
  }
  const cut = text.indexOf(' / ');
  return cut < 0 ? { uk: text, en: text } : { uk: text.slice(0, cut), en: text.slice(cut + 3) };
}

/**
 * The CouchDB form of a local record, as the app pushes it: its fields without RxDB's `_`-fields, `_id` = kind prefix
 * + id, and the one revision every record has (record-revision.ts).
 */
function couchForm(kind: RecordKind, doc: Record<string, unknown>): Record<string, unknown> {
  const _id = `${ID_PREFIX[kind]}${String(doc.id)}`;
  const out: Record<string, unknown> = { _id, _rev: RECORD_REVISION };
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_') && value !== undefined) out[key] = value;
  return out;
}

/**
 * Null when a record (local form) is one a legitimate writer could have written to the database of `scope`, else the
 * reason it is refused. Pure: the same answer on every PC of the same scope.
 */
export function acceptRecord(doc: unknown, scope: DbScope, kind: RecordKind): Reason | null {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { uk: 'Запис не є документом', en: 'The record is not a document' };
  }
  const record = doc as Record<string, unknown>;
  const roles = writerRoles(kind, record, scope.community);
  if (!roles) {
    const role = String(kind === 'appeal' ? record.registeredRole : record.role);
    return { uk: `Невідома роль автора запису: ${role}`, en: `Unknown role of the record's author: ${role}` };
  }
  // A village's record reaches the council's database only from that village's database (CouchDB's replicator, an
  // admin) or on a transfer file the council imports: legitimate exactly when the village's users could have written
  // it to their own database. The council's own records are checked against the council's database itself.
  let target = scope;
  if (scope.kind === 'central' && roles.length > 1) {
    const village = record.villageId;
    if (!isCode(village) || village === CENTRAL_VILLAGE_ID) {
      const shown = String(village);
      return { uk: `Неправильний код села: ${shown}`, en: `Invalid village code: ${shown}` };
    }
    target = { kind: 'village', community: scope.community, code: village };
  }
  try {
    checkRecord(couchForm(kind, record), null, { name: 'ingest', roles }, validationConfig(target));
    return null;
  } catch (thrown) {
    return reasonOf(thrown);
  }
}
