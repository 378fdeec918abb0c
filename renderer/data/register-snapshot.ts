/**
 * The in-memory register saved whole as sealed blobs (AES-256-GCM with the PC's data key), so that the next start
 * reads one value instead of opening 50,000 sealed rows one by one: at 50,000 rows about 0.6 s against 3.5–4 s. It is
 * derived data, kept in an IndexedDB database of its own: with it goes the register storage's checkpoint at writing
 * time, and the rows changed since are read from the register itself. A snapshot that is missing, damaged, of another
 * key or another database is ignored and the register loads row by row as before.
 */
import type { RegisterRow } from '../../shared/schema/register-row.schema';
import { inStore } from './idb';
import type { Checkpoint, Snapshot, SnapshotStore } from './register-index';
import { openBytes, sealBytes } from './sealed/seal';

const DB_NAME = 'open-village-snapshot';
const FORMAT = 1;
const PART_ROWS = 5_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One stored part: its rows, and what every part of one writing shares. */
interface Part {
  checkpoint: Checkpoint;
  count: number;
  rows: RegisterRow[];
}

/** The key of part `i`: zero-padded, so that the key order is the part order. */
const partName = (where: string, i: number) => `${where}/${String(i).padStart(6, '0')}`;

export class SealedSnapshots implements SnapshotStore {
  private readonly where: string;

  constructor(
    private readonly key: CryptoKey,
    databaseName: string,
    private readonly factory: IDBFactory = indexedDB,
  ) {
    this.where = `register-snapshot/${FORMAT}/${databaseName}`;
  }

  private run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return inStore(this.factory, DB_NAME, mode, op);
  }

  /** The saved snapshot, or null when there is none this key and database can use. */
  async read(): Promise<Snapshot | null> {
    try {
      // One part at a time (its own read), so that only one part's sealed bytes and text are held at once: at 150,000
      // rows all parts together are 153 MB before they are even opened. A writing that replaces the parts meanwhile
      // is caught by the checks below (another checkpoint or count), and the register then loads row by row.
      const range = IDBKeyRange.bound(`${this.where}/`, `${this.where}/\uffff`);
      const keys = await this.run('readonly', (s) => s.getAllKeys(range));
      if (keys.length === 0) return null;
      const rows: RegisterRow[] = [];
      let checkpoint: Checkpoint | null = null;
      for (const [i, key] of keys.entries()) {
        if (key !== partName(this.where, i)) return null;
        const stored: unknown = await this.run('readonly', (s) => s.get(key));
        if (!(stored instanceof ArrayBuffer)) return null;
        const plain = await openBytes(this.key, partName(this.where, i), new Uint8Array(stored));
        const part = JSON.parse(decoder.decode(plain)) as Partial<Part>;
        const c = part.checkpoint;
        if (!Array.isArray(part.rows) || typeof c?.id !== 'string' || typeof c.lwt !== 'number') return null;
        // Every part is of the same writing, and none is missing or left over from an older one.
        if (part.count !== keys.length || (checkpoint && (checkpoint.id !== c.id || checkpoint.lwt !== c.lwt))) return null;
        checkpoint = c;
        for (const row of part.rows) rows.push(row);
      }
      return checkpoint ? { rows, checkpoint } : null;
    } catch {
      return null;
    }
  }

  /**
   * Saves the rows with the checkpoint they are complete up to, in parts of PART_ROWS rows: one part's text at a
   * time in memory rather than the whole register's (about 1 KB a row).
   */
  async write(rows: RegisterRow[], checkpoint: Checkpoint): Promise<void> {
    const count = Math.max(1, Math.ceil(rows.length / PART_ROWS));
    const sealed: ArrayBuffer[] = [];
    for (let i = 0; i < count; i++) {
      const part: Part = { checkpoint, count, rows: rows.slice(i * PART_ROWS, (i + 1) * PART_ROWS) };
      sealed.push((await sealBytes(this.key, partName(this.where, i), encoder.encode(JSON.stringify(part)))).buffer);
    }
    // One transaction: the old parts go and the new ones come together, or nothing changes.
    await this.run('readwrite', (s) => {
      s.delete(IDBKeyRange.bound(`${this.where}/`, `${this.where}/\uffff`));
      let last: IDBRequest<IDBValidKey> | null = null;
      for (const [i, bytes] of sealed.entries()) last = s.put(bytes, partName(this.where, i));
      return last as IDBRequest<IDBValidKey>;
    });
  }
}
