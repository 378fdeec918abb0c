import type { TFunction } from 'i18next';
import type { Problem } from '../../../shared/domain/problem';
import type { ImportReport, MadeFile } from '../../data/records';

/** What the last action on the backup screen came to, in words, and whether it was a refusal. */
export interface Outcome {
  text: string;
  isError: boolean;
}

/** A refusal, in the UI language. */
export function refusal(problem: Problem, lang: 'uk' | 'en'): Outcome {
  return { text: problem.message[lang], isError: true };
}

/** An unexpected failure (the storage refused a write, …), in words. */
export function failure(t: TFunction, error: unknown): Outcome {
  return { text: t('backup.failed', { reason: error instanceof Error ? error.message : String(error) }), isError: true };
}

/** A file made: its name and what it holds. */
export function madeText(t: TFunction, key: 'backup.made' | 'backup.madeTransfer', made: MadeFile): Outcome {
  return {
    text: t(key, { file: made.fileName, appeals: made.counts.appeals ?? 0, events: made.counts.events ?? 0 }),
    isError: false,
  };
}

/** An import: how many records were added and how many the PC already had. */
export function importedText(t: TFunction, key: 'backup.restored' | 'backup.imported', report: ImportReport): Outcome {
  const counts = { appeals: report.inserted.appeals ?? 0, events: report.inserted.events ?? 0, present: report.present };
  const restored = report.restoredProfile
    ? ` ${t('backup.restoredProfile', { village: report.restoredProfile.villageName, workstation: report.restoredProfile.workstation })}`
    : '';
  return { text: `${t(key, counts)}${restored}`, isError: false };
}
