import type { AppDatabase } from '../database';

const BACKUP_STATE_ID = 'backup-state';

/** The time of the last backup made on this PC (a local document, never replicated), or null. */
export async function loadLastBackupAt(db: AppDatabase): Promise<string | null> {
  const doc = await db.getLocal<{ lastBackupAt: string }>(BACKUP_STATE_ID);
  return doc ? ((doc.toJSON().data as { lastBackupAt: string }).lastBackupAt ?? null) : null;
}

/** Remembers that a backup was made now. */
export async function saveLastBackupAt(db: AppDatabase, at: string): Promise<void> {
  await db.upsertLocal(BACKUP_STATE_ID, { lastBackupAt: at });
}

/** Live time of the last backup (null before the first one). */
export function observeLastBackupAt(db: AppDatabase, onChange: (at: string | null) => void): () => void {
  const sub = db.getLocal$<{ lastBackupAt: string }>(BACKUP_STATE_ID).subscribe((doc) => {
    onChange(doc ? ((doc.toJSON().data as { lastBackupAt: string }).lastBackupAt ?? null) : null);
  });
  return () => sub.unsubscribe();
}

/** Live number of appeals (the reminder speaks only when there is something to lose). */
export function observeAppealCount(db: AppDatabase, onChange: (count: number) => void): () => void {
  const sub = db.appeals.count().$.subscribe(onChange);
  return () => sub.unsubscribe();
}
