/**
 * How far a backup, restore or transfer file has come, for the screen: a register of 150,000 appeals takes minutes on
 * an old office PC, and a screen that shows nothing for that long looks hung. Reported at least once per page of
 * records (PAGE in transfer.repository.ts), in this order: making a file `reading` then `encrypting`; opening one
 * `decrypting`, `checking` (every record, before anything is written), then `writing`.
 */
export type TransferPhase = 'reading' | 'encrypting' | 'decrypting' | 'checking' | 'writing';

export interface TransferProgress {
  phase: TransferPhase;
  /** Records done in this phase (0 for the phases that are one step: encrypting, decrypting). */
  done: number;
  /** Records this phase goes through (0 when it is one step). */
  total: number;
}

export type OnProgress = (progress: TransferProgress) => void;

/** A callback that never throws into the work: a screen's mistake must not break a backup. */
export function progressTo(onProgress: OnProgress | undefined): OnProgress {
  return (progress) => {
    try {
      onProgress?.(progress);
    } catch {
      // The screen's own problem; the work goes on.
    }
  };
}
