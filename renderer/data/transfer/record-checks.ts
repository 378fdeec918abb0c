/**
 * The file-level rules for the records of a transfer file: which village's records it may hold, and that a village's
 * file for the council holds none of the council's own. Whether each record may enter the database at all is the
 * acceptance check of ingest (renderer/data/ingest), the same for every path a record comes by.
 */
import type { Problem } from '../../../shared/domain/problem';
import { allowedVillage, CENTRAL_CODE } from '../../../shared/transfer/acceptance';
import { authorRole } from '../../../shared/transfer/authorship';
import type { TransferDoc, TransferHeader } from '../../../shared/transfer/format';
import { TRANSFER_PROBLEMS } from '../../../shared/transfer/problems';

/**
 * Why the file's header does not allow this record, or null: a record of another village than the file's, or, in a
 * village's file for the council, a record the council wrote (a village can only hand on its own records).
 */
export function recordProblem(header: TransferHeader, name: string, doc: TransferDoc): Problem | null {
  const village = allowedVillage(header);
  const isForCouncil = header.kind === 'transfer' && header.to === CENTRAL_CODE;
  if (village && doc.villageId !== village) return TRANSFER_PROBLEMS.foreignDocument(name, String(doc.id));
  if (isForCouncil && authorRole(doc) === 'central') return TRANSFER_PROBLEMS.foreignDocument(name, String(doc.id));
  return null;
}
