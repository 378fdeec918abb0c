import { validateDraft, validateEvent } from '../../../shared/domain/appeal/validate';
import { fileMetaProblems } from '../../../shared/domain/files/validate-file';
import { isVillageCode } from '../../../shared/domain/indexes/reg-index';

/** Records from a file are checked for structure only, like pulled ones: a far "today" lets a PC clock be off. */
const FAR_TODAY = '9999-12-31';

/** What is wrong with a record from a file, as short English details (empty when nothing). */
type RecordCheck = (doc: Record<string, unknown>) => string[];

/**
 * The structure check of each data collection, the same the sync pull applies (collection-replication.ts): a file is
 * just another way for records to arrive (file metadata: the check the pull of `file:` documents applies).
 */
const CHECKS: Record<string, RecordCheck> = {
  appeals: (doc) => validateDraft(doc, { today: FAR_TODAY }).map((p) => `${p.field}: ${p.message.en}`),
  events: (doc) => validateEvent(doc, { today: FAR_TODAY }).map((p) => `${p.field}: ${p.message.en}`),
  files: (doc) => fileMetaProblems(doc),
};

/** Problems of one record of a collection, including an id and a village code every record must have. */
export function recordProblems(collection: string, doc: Record<string, unknown>): string[] {
  const base: string[] = [];
  if (typeof doc.id !== 'string' || doc.id === '' || doc.id.length > 40) base.push('id: invalid');
  if (!isVillageCode(doc.villageId)) base.push('villageId: invalid');
  return [...base, ...(CHECKS[collection]?.(doc) ?? [])];
}
