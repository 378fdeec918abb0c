/**
 * Whether a decoded file may be imported on this PC. Community identity: the council gives each PC, along with the
 * village code, a community code (Latin letters, like village codes, e.g. `hlybotska`); it lives in the PC's profile
 * and every file names it. Both sides know it offline, which neither the server address (a village may never have
 * logged in, and addresses differ inside and outside the council's network) nor anything on the server would give.
 * A transfer needs it on both sides; a backup carries it when set, and a fresh PC takes it over with the profile.
 */
import type { Problem } from '../domain/problem';
import type { TransferHeader } from './format';
import { TRANSFER_PROBLEMS } from './problems';

/** The PC that imports: its village code (`central` for the council office) and community, or null before setup. */
export type Workplace = { villageCode: string; communityCode: string | null } | null;

/** The council office's "village" code in profiles and files. */
export const CENTRAL_CODE = 'central';

/** A backup restores only on a fresh PC or on the PC of the same village (and community, when both name one). */
export function backupProblem(header: TransferHeader, pc: Workplace): Problem | null {
  if (header.kind !== 'backup') return TRANSFER_PROBLEMS.notBackup();
  if (!pc) return null;
  if (pc.communityCode && header.community && header.community !== pc.communityCode)
    return TRANSFER_PROBLEMS.otherCommunity(header.community);
  if (header.from !== pc.villageCode) return TRANSFER_PROBLEMS.otherVillageBackup(header.from);
  return null;
}

/**
 * A transfer file goes from a village to the council (`to: central`) or from the council to one village; it is
 * imported only at its destination, in the same community.
 */
export function transferProblem(header: TransferHeader, pc: Workplace): Problem | null {
  if (header.kind !== 'transfer') return TRANSFER_PROBLEMS.notTransfer();
  if (!pc) return TRANSFER_PROBLEMS.notSetUp();
  if (!pc.communityCode) return TRANSFER_PROBLEMS.noCommunity();
  if (header.community !== pc.communityCode) return TRANSFER_PROBLEMS.otherCommunity(header.community ?? '?');
  if (header.from === pc.villageCode) return TRANSFER_PROBLEMS.wrongDirection();
  if (header.to !== pc.villageCode) {
    // A village's file for the council opened at another village, or the council's file for one village at another.
    if (header.to === CENTRAL_CODE || pc.villageCode === CENTRAL_CODE) return TRANSFER_PROBLEMS.wrongDirection();
    return TRANSFER_PROBLEMS.otherVillage(header.to ?? '?');
  }
  return null;
}

/**
 * The village whose records a file may hold, or null for any: a transfer from a village holds only that village's
 * records, one from the council only its destination village's; a backup holds whatever its PC held.
 */
export function allowedVillage(header: TransferHeader): string | null {
  if (header.kind === 'backup') return null;
  return header.from === CENTRAL_CODE ? header.to : header.from;
}

/** Days after which the app reminds the user to make a backup. */
export const BACKUP_REMINDER_DAYS = 7;

/** True when a backup is due: the last one is older than a week, or none was ever made while there are appeals. */
export function isBackupDue(lastBackupAt: string | null, now: Date, appealCount: number): boolean {
  if (!lastBackupAt) return appealCount > 0;
  const last = Date.parse(lastBackupAt);
  if (Number.isNaN(last)) return appealCount > 0;
  return now.getTime() - last > BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000;
}
