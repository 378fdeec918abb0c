/** The backup/transfer file format: round trip, checksum, and every refusal as a value with its code. */
import { describe, expect, test } from 'vitest';
import { webCodec } from '../../../renderer/data/transfer/web-codec';
import {
  checkFileInfo,
  decodeTransferFile,
  encodeTransferFile,
  MAX_FILE_BYTES,
  type TransferBody,
  type TransferMeta,
} from '../../../shared/transfer/format';

const app = { appVersion: '0.1.0', schemaVersions: { appeals: 0, events: 0 } };

const meta: TransferMeta = {
  appVersion: '0.1.0',
  kind: 'backup',
  createdAt: '2026-11-27T21:00:00.000Z',
  community: 'hlybotska',
  from: 'hlyboke',
  to: null,
  schemaVersions: { appeals: 0, events: 0 },
};

const body: TransferBody = {
  collections: {
    appeals: [{ id: '01A', villageId: 'hlyboke', surname: 'Бондар’єва', note: 'ʼапостроф' }],
    events: [
      { id: '01B', appealId: '01A', villageId: 'hlyboke', kind: 'comment' },
      { id: '01C', appealId: '01A', villageId: 'hlyboke', kind: 'forwarded' },
    ],
  },
  profile: null,
};

const encode = (m: TransferMeta = meta, b: TransferBody = body) => encodeTransferFile(m, b, webCodec);
const decode = (bytes: Uint8Array, a = app) => decodeTransferFile(bytes, a, webCodec);
const codeOf = async (bytes: Uint8Array, a = app) => {
  const r = await decode(bytes, a);
  return r.ok ? 'ok' : r.error.code;
};

/** A file whose plain (decompressed) text is rewritten before compressing it again. */
async function tampered(edit: (plain: string) => string): Promise<Uint8Array> {
  const plain = new TextDecoder().decode(await webCodec.gunzip(await encode()));
  return webCodec.gzip(new TextEncoder().encode(edit(plain)));
}

describe('round trip', () => {
  test('what is encoded decodes to the same header facts and body', async () => {
    const bytes = await encode();
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const r = await decode(bytes);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.body).toEqual(body);
    expect(r.value.header).toMatchObject({
      format: 'open-village-transfer',
      formatVersion: 1,
      kind: 'backup',
      from: 'hlyboke',
      community: 'hlybotska',
      collections: { appeals: { count: 1, schemaVersion: 0 }, events: { count: 2, schemaVersion: 0 } },
    });
    expect(r.value.header.bodySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the checksum is the SHA-256 of the body', async () => {
    const r = await decode(await encode());
    if (!r.ok) throw new Error('not decoded');
    const bodyBytes = new TextEncoder().encode(JSON.stringify(body));
    expect(r.value.header.bodySha256).toBe(await webCodec.sha256Hex(bodyBytes));
    expect(await webCodec.sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('refusals', () => {
  test('truncated at any of several offsets: damaged, never decoded', async () => {
    const bytes = await encode();
    const offsets = [2, 10, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 8, bytes.length - 1];
    for (const at of offsets) expect(await codeOf(bytes.slice(0, at)), `cut at ${at}`).toBe('damaged');
  });

  test('one flipped byte inside the compressed data: damaged', async () => {
    const bytes = await encode();
    const broken = bytes.slice();
    const at = Math.floor(bytes.length / 2);
    broken[at] = (broken[at] ?? 0) ^ 0xff;
    expect(await codeOf(broken)).toBe('damaged');
  });

  test('a body changed after the checksum was taken (and gzipped again): damaged', async () => {
    expect(await codeOf(await tampered((p) => p.replace('Бондар’єва', 'Бондаренко')))).toBe('damaged');
    expect(await codeOf(await tampered((p) => p.slice(0, -10)))).toBe('damaged');
  });

  test('not our format: plain text, another gzip file, a header of another format', async () => {
    expect(await codeOf(new TextEncoder().encode('surname;name\nБондар;Іван\n'))).toBe('not-ours');
    expect(await codeOf(await webCodec.gzip(new TextEncoder().encode('{"hello":1}\n{}')))).toBe('not-ours');
    expect(await codeOf(await tampered((p) => p.replace('open-village-transfer', 'other-app')))).toBe('not-ours');
    expect(await codeOf(await tampered((p) => p.replace('"appeals":{"schemaVersion":0,"count":1}', '"appeals":7')))).toBe(
      'not-ours',
    );
  });

  test('zero bytes', async () => {
    expect(await codeOf(new Uint8Array())).toBe('empty');
  });

  test('made by a newer app: format version, app version, or a collection this app does not know', async () => {
    expect(await codeOf(await tampered((p) => p.replace('"formatVersion":1', '"formatVersion":2')))).toBe('newer-version');
    const newerApp = await encode({ ...meta, appVersion: '0.10.0' });
    const r = await decode(newerApp);
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'newer-version',
      message: { uk: expect.stringContaining('оновіть програму') },
    });
    expect(await codeOf(newerApp, { ...app, appVersion: '0.10.0' })).toBe('ok');
    const withFiles = await encode(
      { ...meta, schemaVersions: { ...meta.schemaVersions, files: 0 } },
      {
        ...body,
        collections: { ...body.collections, files: [] },
      },
    );
    expect(await codeOf(withFiles)).toBe('newer-version');
    expect(await codeOf(await encode({ ...meta, schemaVersions: { appeals: 1, events: 0 } }))).toBe('newer-version');
  });

  test('before reading a byte: wrong extension, zero bytes, over the size limit (a declared 200 MB)', () => {
    expect(checkFileInfo({ name: 'copy.ovbackup', size: 1000 }, 'backup')).toBeNull();
    expect(checkFileInfo({ name: 'COPY.OVBACKUP', size: 1000 }, 'backup')).toBeNull();
    expect(checkFileInfo({ name: 'copy.ovtransfer', size: 1000 }, 'backup')?.code).toBe('wrong-extension');
    expect(checkFileInfo({ name: 'register.xlsx', size: 1000 }, 'transfer')?.message.uk).toContain('.ovtransfer');
    expect(checkFileInfo({ name: 'copy.ovbackup', size: 0 }, 'backup')?.code).toBe('empty');
    expect(checkFileInfo({ name: 'copy.ovbackup', size: 200 * 1024 * 1024 }, 'backup')).toMatchObject({
      code: 'too-large',
      message: { en: expect.stringContaining('200 MB') },
    });
    expect(checkFileInfo({ name: 'copy.ovbackup', size: MAX_FILE_BYTES }, 'backup')).toBeNull();
  });
});
