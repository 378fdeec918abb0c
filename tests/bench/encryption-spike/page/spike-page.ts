// Encryption-at-rest spike, the in-browser half (docs/encryption-at-rest.md). Driven by ../run.ts through Playwright;
// never shipped. Three RxDB databases on Dexie (real IndexedDB) hold the same appeals and register rows: in the clear
// (baseline), sealed by a WebCrypto AES-GCM storage wrapper (one blob per document), and by RxDB's crypto-js plugin.
// Rough on purpose: it measures, it does not belong to the app.

import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstanceCreationParams,
  wrapRxStorageInstance,
} from 'rxdb';
import { decryptString, encryptString, wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { toRegisterRow } from '../../../../renderer/data/register-projection';
import type { Appeal } from '../../../../shared/domain/appeal/appeal.types';
import { localIsoDate } from '../../../../shared/lib/dates';
import { APPEAL_SCHEMA } from '../../../../shared/schema/appeal.schema';
import { REGISTER_ROW_SCHEMA, type RegisterRow } from '../../../../shared/schema/register-row.schema';
import { makeAppeal, rng } from '../../page/fixture';

type Variant = 'plain' | 'webcrypto' | 'cryptojs';
type Doc = Record<string, unknown>;

/** What is personal or free text, per collection: sealed at rest, readable only with the data key. */
const APPEAL_SECRET = ['surname', 'givenName', 'patronymic', 'collectiveName', 'address', 'phone', 'email', 'issues', 'note'];
const ROW_SECRET = ['applicant', 'address', 'searchText'];

const today = localIsoDate(new Date());
const VILLAGE = 'hlyboke';
const te = new TextEncoder();
const td = new TextDecoder();

// ---------------------------------------------------------------------------------------------------------------------
// WebCrypto AES-GCM: one blob per document, base64(iv ‖ ciphertext+tag), the document id as additional data.

type B64 = { toBase64(): string };
const toB64 = (bytes: Uint8Array): string => (bytes as unknown as B64).toBase64();
const fromB64 = (s: string): Uint8Array<ArrayBuffer> =>
  (Uint8Array as unknown as { fromBase64(s: string): Uint8Array<ArrayBuffer> }).fromBase64(s);

async function seal(key: CryptoKey, id: string, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: te.encode(id) }, key, te.encode(JSON.stringify(value))),
  );
  const out = new Uint8Array(12 + ct.length);
  out.set(iv);
  out.set(ct, 12);
  return toB64(out);
}

async function unseal(key: CryptoKey, id: string, sealed: string): Promise<unknown> {
  const bytes = fromB64(sealed);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: te.encode(id) },
    key,
    bytes.subarray(12),
  );
  return JSON.parse(td.decode(plain));
}

/**
 * An RxDB storage wrapper (the same hook RxDB's own encryption plugin uses): the fields a schema lists in `encrypted`
 * leave the document for one sealed string on the way in and come back on the way out, so collections, queries on the
 * other fields, the change stream and replication all see the usual document. Keyed on `schema.encrypted` like the
 * plugin, so RxDB's replication meta instances (which keep a full copy of each document as `docData`) and the schema
 * migration's temporary instances are sealed too: RxDB marks them `encrypted: ['docData']` itself.
 */
function webCryptoStorage(storage: RxStorage<unknown, unknown>, key: CryptoKey): RxStorage<unknown, unknown> {
  return {
    ...storage,
    async createStorageInstance<R>(params: RxStorageInstanceCreationParams<R, unknown>) {
      const fields = (params.schema as { encrypted?: string[] }).encrypted ?? [];
      if (fields.length === 0) return storage.createStorageInstance(params);
      const inner = structuredClone(params.schema) as unknown as { properties: Doc; required?: string[]; encrypted?: string[] };
      delete inner.encrypted;
      for (const f of fields) delete inner.properties[f];
      inner.properties.sealed = { type: 'string' };
      inner.required = (inner.required ?? []).filter((r) => !fields.includes(r));
      const instance = await storage.createStorageInstance({ ...params, schema: inner as never });
      const pk = params.schema.primaryKey as string;
      const toStorage = async (doc: Doc) => {
        const out: Doc = { ...doc };
        const secret: Doc = {};
        for (const f of fields) {
          if (f in out) {
            secret[f] = out[f];
            delete out[f];
          }
        }
        out.sealed = await seal(key, out[pk] as string, secret);
        return out;
      };
      const fromStorage = async (doc: Doc) => {
        if (typeof doc.sealed !== 'string') return doc;
        const { sealed, ...rest } = doc;
        return { ...rest, ...((await unseal(key, rest[pk] as string, sealed)) as Doc) };
      };
      return wrapRxStorageInstance(params.schema, instance as never, toStorage as never, fromStorage as never) as never;
    },
  } as RxStorage<unknown, unknown>;
}

// ---------------------------------------------------------------------------------------------------------------------
// Keys: one random data key per PC database; crypto-js takes it as a password string (its own MD5 key derivation
// then runs per field and per document, as the plugin does).

let dataKey: CryptoKey;
let dataKeyText = '';

async function makeDataKey(): Promise<void> {
  dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  dataKeyText = toB64(new Uint8Array(await crypto.subtle.exportKey('raw', dataKey)));
}

type Collections = { appeals: RxCollection<Appeal>; register: RxCollection<RegisterRow> };
type Db = RxDatabase<Collections>;

const withEncrypted = <T>(schema: T, fields: string[]): T => ({ ...schema, encrypted: fields });

async function openVariant(variant: Variant, tag: string): Promise<Db> {
  const dexie = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const storage =
    variant === 'plain'
      ? dexie
      : variant === 'webcrypto'
        ? webCryptoStorage(dexie, dataKey)
        : (wrappedKeyEncryptionCryptoJsStorage({ storage: dexie }) as RxStorage<unknown, unknown>);
  const db = await createRxDatabase<Collections>({
    name: `enc-${tag}-${variant}`,
    storage,
    multiInstance: false,
    ...(variant === 'cryptojs' ? { password: dataKeyText } : {}),
  });
  await db.addCollections({
    appeals: {
      schema: (variant === 'plain'
        ? APPEAL_SCHEMA
        : withEncrypted(APPEAL_SCHEMA, APPEAL_SECRET)) as unknown as RxJsonSchema<Appeal>,
    },
    register: {
      schema: (variant === 'plain'
        ? REGISTER_ROW_SCHEMA
        : withEncrypted(REGISTER_ROW_SCHEMA, ROW_SECRET)) as unknown as RxJsonSchema<RegisterRow>,
    },
  });
  return db;
}

const VARIANTS: Variant[] = ['plain', 'webcrypto', 'cryptojs'];
let tag = 'a';
let seeded = 0;
/** Every register row seeded, for the snapshot alternative. */
const allRows: RegisterRow[] = [];

function made(i: number) {
  const m = makeAppeal(i, rng(i + 7), today, VILLAGE);
  return { appeal: m.appeal, row: toRegisterRow(m.appeal, m.events) };
}

const personalOf = (a: Appeal) => Object.fromEntries(APPEAL_SECRET.map((f) => [f, (a as unknown as Doc)[f]]));

// ---------------------------------------------------------------------------------------------------------------------
// The snapshot alternative: the whole in-memory index as one AES-GCM blob in a plain IndexedDB store.

function idb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('kv');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
function idbPut(db: IDBDatabase, key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
function idbGet<T>(db: IDBDatabase, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = db.transaction('kv').objectStore('kv').get(key);
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

async function loadAll(db: Db): Promise<Map<string, RegisterRow>> {
  const rows = new Map<string, RegisterRow>();
  let lastId = '';
  for (;;) {
    const docs = await db.register.find({ selector: { id: { $gt: lastId } }, sort: [{ id: 'asc' }], limit: 5000 }).exec();
    for (const d of docs) rows.set(d.id, d.toMutableJSON() as RegisterRow);
    if (docs.length < 5000) break;
    lastId = docs[docs.length - 1]?.id ?? lastId;
  }
  return rows;
}

const writers: Partial<Record<Variant, Db>> = {};
addRxPlugin(RxDBMigrationSchemaPlugin);

const api = {
  async init() {
    await makeDataKey();
    return { dataKeyChars: dataKeyText.length };
  },
  /** Seeds the three databases up to `count` appeals (each with its register row), in batches of 1000. */
  async seedTo(count: number, variants: Variant[]) {
    const ms: Record<string, number> = {};
    const dbs = await Promise.all(variants.map((v) => openVariant(v, tag)));
    for (let start = seeded; start < count; start += 1000) {
      const appeals: Appeal[] = [];
      const rows: RegisterRow[] = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        const m = made(i);
        appeals.push(m.appeal);
        rows.push(m.row);
      }
      allRows.push(...rows);
      for (const [k, db] of dbs.entries()) {
        const t0 = performance.now();
        await db.appeals.bulkInsert(appeals);
        await db.register.bulkInsert(rows);
        const v = variants[k] as string;
        ms[v] = (ms[v] ?? 0) + performance.now() - t0;
      }
    }
    seeded = count;
    await Promise.all(dbs.map((d) => d.close()));
    return { seeded, ms };
  },
  /** (a) Per-document cost, µs per document, over `k` appeals: one repetition of every variant, interleaved. */
  async micro(k: number, rep: number) {
    const docs = Array.from({ length: k }, (_, i) => made(900_000 + rep * k + i).appeal);
    const blobs = docs.map(personalOf);
    const out: Record<string, number> = {};
    const us = (t0: number) => ((performance.now() - t0) * 1000) / k;
    const order = rep % 2 === 0 ? ['wc', 'cj'] : ['cj', 'wc'];
    let sealedWc: string[] = [];
    let sealedCjBlob: string[] = [];
    let sealedCjFields: Doc[] = [];
    for (const which of order) {
      if (which === 'wc') {
        let t0 = performance.now();
        const seq: string[] = [];
        for (const [i, b] of blobs.entries()) seq.push(await seal(dataKey, docs[i]?.id ?? '', b));
        out['encrypt: WebCrypto, one await per doc'] = us(t0);
        t0 = performance.now();
        sealedWc = await Promise.all(blobs.map((b, i) => seal(dataKey, docs[i]?.id ?? '', b)));
        out['encrypt: WebCrypto, Promise.all batch'] = us(t0);
        t0 = performance.now();
        for (const [i, s] of seq.entries()) await unseal(dataKey, docs[i]?.id ?? '', s);
        out['decrypt: WebCrypto, one await per doc'] = us(t0);
        t0 = performance.now();
        await Promise.all(sealedWc.map((s, i) => unseal(dataKey, docs[i]?.id ?? '', s)));
        out['decrypt: WebCrypto, Promise.all batch'] = us(t0);
      } else {
        let t0 = performance.now();
        sealedCjBlob = blobs.map((b) => encryptString(JSON.stringify(b), dataKeyText));
        out['encrypt: crypto-js, one blob per doc'] = us(t0);
        t0 = performance.now();
        sealedCjFields = blobs.map((b) =>
          Object.fromEntries(Object.entries(b).map(([f, v]) => [f, encryptString(JSON.stringify(v), dataKeyText)])),
        );
        out['encrypt: crypto-js plugin, per field (9)'] = us(t0);
        t0 = performance.now();
        for (const s of sealedCjBlob) JSON.parse(decryptString(s, dataKeyText));
        out['decrypt: crypto-js, one blob per doc'] = us(t0);
        t0 = performance.now();
        for (const d of sealedCjFields) for (const v of Object.values(d)) JSON.parse(decryptString(v as string, dataKeyText));
        out['decrypt: crypto-js plugin, per field (9)'] = us(t0);
      }
    }
    const plainBytes = blobs.reduce((n, b) => n + te.encode(JSON.stringify(b)).length, 0) / k;
    const wcChars = sealedWc.reduce((n, s) => n + s.length, 0) / k;
    const cjChars = sealedCjBlob.reduce((n, s) => n + s.length, 0) / k;
    const cjFieldChars = sealedCjFields.reduce((n, d) => n + Object.values(d).join('').length, 0) / k;
    return { us: out, sizes: { plainBytes, wcChars, cjChars, cjFieldChars } };
  },
  /** (b) Start-up of one variant on a fresh open: open, first page of 50 rows, whole index into a Map. */
  async startup(variant: Variant) {
    const t0 = performance.now();
    const db = await openVariant(variant, tag);
    const t1 = performance.now();
    const first = await db.register.find({ selector: {}, sort: [{ recency: 'asc' }, { id: 'asc' }], limit: 50 }).exec();
    const firstRows = first.map((d) => d.toMutableJSON());
    const t2 = performance.now();
    const rows = await loadAll(db);
    const t3 = performance.now();
    const sample = rows.values().next().value as RegisterRow | undefined;
    if (!sample?.searchText || firstRows.length !== 50) throw new Error(`${variant}: rows not readable`);
    await db.close();
    return { openMs: t1 - t0, firstPageMs: t2 - t1, loadMs: t3 - t2, totalMs: t3 - t0, size: rows.size };
  },
  /** Writes the snapshot of the whole index (all row fields) as one AES-GCM blob; returns its cost and size. */
  async writeSnapshot() {
    const t0 = performance.now();
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const json = te.encode(JSON.stringify(allRows));
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, dataKey, json);
    const db = await idb(`enc-${tag}-snapshot`);
    await idbPut(db, 'index', { iv, ct, rows: allRows.length });
    db.close();
    return { ms: performance.now() - t0, bytes: ct.byteLength };
  },
  /** (b) The snapshot alternative: one read, one decrypt, one parse, the Map. */
  async startupSnapshot() {
    const t0 = performance.now();
    const db = await idb(`enc-${tag}-snapshot`);
    const snap = await idbGet<{ iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer }>(db, 'index');
    const t1 = performance.now();
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: snap.iv }, dataKey, snap.ct);
    const t2 = performance.now();
    const list = JSON.parse(td.decode(plain)) as RegisterRow[];
    const rows = new Map(list.map((r) => [r.id, r]));
    const t3 = performance.now();
    db.close();
    return { readMs: t1 - t0, decryptMs: t2 - t1, parseMs: t3 - t2, totalMs: t3 - t0, size: rows.size };
  },
  async openWriters(variants: Variant[]) {
    for (const v of variants) writers[v] = await openVariant(v, tag);
  },
  /** (c) One appeal and its register row, as the registration and the projection write them. */
  async writeOne(variant: Variant, i: number) {
    const db = writers[variant] as Db;
    const m = made(2_000_000 + i);
    const t0 = performance.now();
    await db.appeals.insert(m.appeal);
    await db.register.insert(m.row);
    return performance.now() - t0;
  },
  async closeWriters() {
    for (const v of VARIANTS) {
      await writers[v]?.close();
      delete writers[v];
    }
  },
  /** (d) The unlock: PBKDF2-SHA256 (600,000 iterations) to a key-encryption key, then AES-KW wrap/unwrap of the data key. */
  async unlock(iterations: number) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const t0 = performance.now();
    const base = await crypto.subtle.importKey('raw', te.encode('Глибоке-2026 пароль старости'), 'PBKDF2', false, ['deriveKey']);
    const kek = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      base,
      { name: 'AES-KW', length: 256 },
      false,
      ['wrapKey', 'unwrapKey'],
    );
    const t1 = performance.now();
    const wrapped = await crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW');
    const t2 = performance.now();
    const unwrapped = await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
    const t3 = performance.now();
    if (!unwrapped) throw new Error('unwrap failed');
    return { pbkdf2Ms: t1 - t0, wrapMs: t2 - t1, unwrapMs: t3 - t2, wrappedBytes: wrapped.byteLength };
  },
  /**
   * The schema migration of an existing plaintext database (the `plain` one of `fromTag`): version 1 of both
   * collections lists `encrypted`, the storage is the WebCrypto wrapper, the strategy is the identity (the wrapper seals
   * on the way in). Returns ms and whether the migrated documents read back.
   */
  async migrate(fromTag: string, batchSize: number) {
    const t0 = performance.now();
    const db = await createRxDatabase<Collections>({
      name: `enc-${fromTag}-plain`,
      storage: webCryptoStorage(getRxStorageDexie() as RxStorage<unknown, unknown>, dataKey),
      multiInstance: false,
    });
    const same = { 1: (d: unknown) => d };
    await db.addCollections({
      appeals: {
        schema: { ...withEncrypted(APPEAL_SCHEMA, APPEAL_SECRET), version: 1 } as unknown as RxJsonSchema<Appeal>,
        migrationStrategies: same,
        autoMigrate: false,
      },
      register: {
        schema: { ...withEncrypted(REGISTER_ROW_SCHEMA, ROW_SECRET), version: 1 } as unknown as RxJsonSchema<RegisterRow>,
        migrationStrategies: same,
        autoMigrate: false,
      },
    });
    await db.appeals.migratePromise(batchSize);
    await db.register.migratePromise(batchSize);
    const ms = performance.now() - t0;
    const n = await db.appeals.count().exec();
    const sample = await db.appeals.findOne({ selector: {}, sort: [{ id: 'asc' }] }).exec();
    const rows = await db.register.count().exec();
    await db.close();
    return { ms, n, rows, readable: typeof sample?.surname === 'string' && sample.surname.length > 0 };
  },
  /** Starts the next size on fresh databases (`tag`), so each size has its own files. */
  setTag(next: string) {
    tag = next;
    seeded = 0;
    allRows.length = 0;
  },
  /** For the profile-folder scan: a few appeals, one with a distinctive surname, in one variant. */
  async scanSeed(variant: Variant, surname: string, thenRemove: '' | 'remove' | 'migrate' = '') {
    tag = 'scan';
    const db = await openVariant(variant, tag);
    const appeals: Appeal[] = [];
    const rows: RegisterRow[] = [];
    for (let i = 0; i < 200; i++) {
      const m = made(i);
      const appeal = i === 100 ? { ...m.appeal, surname } : m.appeal;
      appeals.push(appeal);
      rows.push(toRegisterRow(appeal, []));
    }
    await db.appeals.bulkInsert(appeals);
    await db.register.bulkInsert(rows);
    const back = await db.appeals.findOne(appeals[100]?.id ?? '').exec();
    // What a migration leaves behind: the plaintext database written, then deleted (RxDB removes its IndexedDB stores),
    // or migrated in place to the sealed schema.
    if (thenRemove === 'remove') await db.remove();
    else await db.close();
    if (thenRemove === 'migrate') {
      const m = await api.migrate(tag, 200);
      if (!m.readable) return false;
    }
    return back?.surname === surname;
  },
};

(globalThis as unknown as { spike: typeof api }).spike = api;
(document.getElementById('state') as HTMLElement).textContent = 'ready';
