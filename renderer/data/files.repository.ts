import type { DbScope } from '../../shared/couch/validate-doc-update';
import type { Appeal } from '../../shared/domain/appeal/appeal.types';
import { chunkCount } from '../../shared/domain/files/chunks';
import { type AttachedFile, CHUNK_SIZE } from '../../shared/domain/files/file.types';
import { canActOnVillage } from '../../shared/domain/permissions/permissions';
import { type Problem, problem } from '../../shared/domain/problem';
import type { AppDatabase } from './database';
import type { PreparedFile } from './files/prepare-file';
import { newId } from './ids';
import { ingest } from './ingest/ingest';
import type { Profile } from './profile.repository';
import { outboxRow } from './sync/outbox';

/** The attachment id of a file's bytes in the `files` collection (backups must carry it with the document). */
export const FILE_ATTACHMENT_ID = 'data';

/** A file as the appeal card lists it: its metadata, and whether this PC holds the bytes and still has to send them. */
export interface FileListItem extends AttachedFile {
  hasBytes: boolean;
  isWaiting: boolean;
  /** The server refused it (the reason is in the status bar's list). */
  isRejected: boolean;
}

export type StoreFilesResult = { ok: true; files: AttachedFile[] } | { ok: false; problems: Problem[] };

const FORBIDDEN = problem(
  'file',
  'forbidden',
  'Ваша роль не дозволяє додавати файли до цього звернення',
  'Your role does not allow attaching files to this appeal',
);

const asBlob = (bytes: Uint8Array, mime: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });

/**
 * Stores checked files of an appeal: each as a write-once metadata document with its bytes as the attachment `data`,
 * and an outbox row so the upload queue sends it. All or nothing: when one cannot be written, those already written
 * in this call are removed again (nothing of them has left the PC: the upload queue sends only complete files).
 */
export async function storeFiles(
  db: AppDatabase,
  profile: Profile,
  appeal: Pick<Appeal, 'id' | 'villageId'>,
  prepared: readonly PreparedFile[],
  now: Date,
): Promise<StoreFilesResult> {
  if (!canActOnVillage({ role: profile.role, villageId: profile.villageCode }, appeal.villageId)) {
    return { ok: false, problems: [FORBIDDEN] };
  }
  const written: AttachedFile[] = [];
  try {
    for (const p of prepared) {
      const file: AttachedFile = {
        id: newId(),
        appealId: appeal.id,
        villageId: appeal.villageId,
        name: p.name.slice(0, 200),
        mime: p.mime,
        size: p.bytes.byteLength,
        sha256: p.sha256,
        addedAt: now.toISOString(),
        by: profile.operatorName,
        role: profile.role,
        chunkSize: CHUNK_SIZE,
        chunkCount: chunkCount(p.bytes.byteLength, CHUNK_SIZE),
      };
      const doc = await db.files.insert(file);
      written.push(file);
      await doc.putAttachment({ id: FILE_ATTACHMENT_ID, data: asBlob(p.bytes, p.mime), type: p.mime });
    }
  } catch (error) {
    console.error('files: not stored', error);
    await db.files.bulkRemove(written.map((f) => f.id)).catch((e: unknown) => console.error('files: cleanup failed', e));
    return {
      ok: false,
      problems: [
        problem(
          'file',
          'store-failed',
          'Файли не збережено: бракує місця або база недоступна',
          'The files were not stored: no space left or the database is unavailable',
        ),
      ],
    };
  }
  // Queued only once all bytes are stored: the upload queue never sees half of a batch.
  await db.outbox.bulkInsert(written.map((f) => outboxRow('files', f.id, f.addedAt)));
  return { ok: true, files: written };
}

/** Files of one appeal, oldest first, with where their bytes are; emits again whenever that changes. */
export function observeFilesOf(db: AppDatabase, appealId: string, onChange: (files: FileListItem[]) => void): () => void {
  let cancelled = false;
  const emit = async () => {
    const docs = await db.files.find({ selector: { appealId }, sort: [{ id: 'asc' }] }).exec();
    const waiting = await db.outbox.findByIds(docs.map((d) => `files:${d.id}`)).exec();
    if (cancelled) return;
    onChange(
      docs.map((d) => ({
        ...(d.toMutableJSON() as AttachedFile),
        hasBytes: d.getAttachment(FILE_ATTACHMENT_ID) !== null,
        isWaiting: waiting.get(`files:${d.id}`)?.state === 'waiting',
        isRejected: waiting.get(`files:${d.id}`)?.state === 'rejected',
      })),
    );
  };
  const subs = [
    db.files.find({ selector: { appealId } }).$.subscribe(() => void emit()),
    db.outbox.find({ selector: { target: 'files' } }).$.subscribe(() => void emit()),
  ];
  return () => {
    cancelled = true;
    for (const s of subs) s.unsubscribe();
  };
}

/** The metadata of one file, or null. */
export async function getFile(db: AppDatabase, id: string): Promise<AttachedFile | null> {
  const doc = await db.files.findOne(id).exec();
  return doc ? (doc.toMutableJSON() as AttachedFile) : null;
}

/** The bytes of a file when this PC holds them, else null. */
export async function localBytes(db: AppDatabase, id: string): Promise<Blob | null> {
  const doc = await db.files.findOne(id).exec();
  const attachment = doc?.getAttachment(FILE_ATTACHMENT_ID);
  return attachment ? attachment.getData() : null;
}

/** Keeps bytes fetched from the server on this PC, so the file opens offline next time. */
export async function keepBytes(db: AppDatabase, id: string, blob: Blob): Promise<void> {
  const doc = await db.files.findOne(id).exec();
  if (!doc || doc.getAttachment(FILE_ATTACHMENT_ID)) return;
  await doc.putAttachment({ id: FILE_ATTACHMENT_ID, data: blob, type: blob.type });
}

/** Files this PC still has to send, oldest first. */
export async function filesWaiting(db: AppDatabase): Promise<AttachedFile[]> {
  const rows = await db.outbox.find({ selector: { target: 'files', state: 'waiting' } }).exec();
  const docs = await db.files.findByIds(rows.map((r) => r.docId)).exec();
  return [...docs.values()].map((d) => d.toMutableJSON() as AttachedFile).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Metadata of files that arrived from the server, through the one way in (ingest): refused ones are set aside with
 * their reason; a file already here (with or without its bytes) is left as it is.
 */
export async function insertPulledFiles(
  db: AppDatabase,
  files: readonly Record<string, unknown>[],
  scope?: DbScope,
): Promise<void> {
  const records = files.filter((f): f is Record<string, unknown> & { id: string } => typeof f.id === 'string');
  await ingest(db, 'files', records, 'file-pull', { scope });
}
