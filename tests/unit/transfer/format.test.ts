/**
 * The backup/transfer file format, version 2: a readable, authenticated header and an encrypted body. Round trip,
 * every refusal as a value with its code, version 1 files still read (flagged unencrypted), no personal data in the
 * clear, and key-derivation iterations that a forged header cannot lower.
 */
import { describe, expect, test } from 'vitest';
import { webCodec } from '../../../renderer/data/transfer/web-codec';
import { ITERATIONS, MIN_ITERATIONS } from '../../../shared/transfer/encryption';
import {
  checkFileInfo,
  decodeTransferFile,
  encodeTransferFile,
  MAX_FILE_BYTES,
  previewTransferFile,
  type TransferBody,
  type TransferCodec,
  type TransferMeta,
} from '../../../shared/transfer/format';
import { encodeV1File } from '../../helpers/data/transfer-files';

const app = { appVersion: '0.1.0', schemaVersions: { appeals: 0, events: 0 } };
const PASSPHRASE = 'Глибоке-2026 весна';
const SURNAME = 'Бондар’єва-Шевчишина';

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
    appeals: [{ id: '01A', villageId: 'hlyboke', surname: SURNAME, phone: '+380671234567', note: 'ʼапостроф' }],
    events: [
      { id: '01B', appealId: '01A', villageId: 'hlyboke', kind: 'comment' },
      { id: '01C', appealId: '01A', villageId: 'hlyboke', kind: 'forwarded' },
    ],
  },
  profile: null,
};

/** The web codec, counting key derivations and the iterations each asked for. */
function countingCodec(): TransferCodec & { derivations: number[] } {
  const derivations: number[] = [];
  return {
    ...webCodec,
    derivations,
    deriveFileKey: (p, salt, iterations) => {
      derivations.push(iterations);
      return webCodec.deriveFileKey(p, salt, iterations);
    },
  };
}

const encode = (m: TransferMeta = meta, b: TransferBody = body) => encodeTransferFile(m, b, PASSPHRASE, webCodec);
const decode = (bytes: Uint8Array, passphrase = PASSPHRASE, a = app, codec: TransferCodec = webCodec) =>
  decodeTransferFile(bytes, a, codec, passphrase);
const codeOf = async (bytes: Uint8Array, passphrase = PASSPHRASE, a = app) => {
  const r = await decode(bytes, passphrase, a);
  return r.ok ? 'ok' : r.error.code;
};

const NEWLINE = 0x0a;
const split = (bytes: Uint8Array) => {
  const at = bytes.indexOf(NEWLINE);
  return { headerText: new TextDecoder().decode(bytes.subarray(0, at)), sealed: bytes.subarray(at + 1) };
};
/** The same file with its header line's text rewritten (the ciphertext kept byte for byte). */
function withHeader(bytes: Uint8Array, edit: (header: string) => string): Uint8Array {
  const { headerText, sealed } = split(bytes);
  const head = new TextEncoder().encode(`${edit(headerText)}\n`);
  const out = new Uint8Array(head.length + sealed.length);
  out.set(head, 0);
  out.set(sealed, head.length);
  return out;
}
const flipped = (bytes: Uint8Array, at: number) => {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
};
const contains = (hay: Uint8Array, needle: Uint8Array) =>
  hay.length >= needle.length && Buffer.from(hay).indexOf(Buffer.from(needle)) >= 0;

describe('round trip', () => {
  test('encrypts with the passphrase; the header stays readable and says what the file is', async () => {
    const codec = countingCodec();
    const bytes = await encodeTransferFile(meta, body, PASSPHRASE, codec);
    expect(codec.derivations).toEqual([ITERATIONS]);
    const { headerText } = split(bytes);
    const header = JSON.parse(headerText);
    expect(header).toMatchObject({
      format: 'open-village-transfer',
      formatVersion: 2,
      kind: 'backup',
      from: 'hlyboke',
      community: 'hlybotska',
      collections: { appeals: { count: 1, schemaVersion: 0 }, events: { count: 2, schemaVersion: 0 } },
      encryption: { alg: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600_000 },
    });
    expect(ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(Buffer.from(header.encryption.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(header.encryption.iv, 'base64')).toHaveLength(12);

    const r = await decode(bytes, PASSPHRASE, app, codec);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.body).toEqual(body);
    expect(r.value.isEncrypted).toBe(true);
    expect(r.value.header).toMatchObject({ formatVersion: 2, kind: 'backup', from: 'hlyboke' });
    // Once per file to make it, once to read it: never per record.
    expect(codec.derivations).toEqual([ITERATIONS, ITERATIONS]);
  });

  test('the header is previewed without the passphrase and without deriving a key', async () => {
    const codec = countingCodec();
    const r = await previewTransferFile(await encode(), app, codec);
    expect(r.ok && r.value).toMatchObject({ isEncrypted: true, header: { kind: 'backup', from: 'hlyboke' } });
    expect(codec.derivations).toEqual([]);
  });

  test('a fresh salt and IV per file: the same content twice gives two different files', async () => {
    const [a, b] = [split(await encode()), split(await encode())];
    expect(JSON.parse(a.headerText).encryption.salt).not.toBe(JSON.parse(b.headerText).encryption.salt);
    expect(JSON.parse(a.headerText).encryption.iv).not.toBe(JSON.parse(b.headerText).encryption.iv);
    expect(Buffer.from(a.sealed).equals(Buffer.from(b.sealed))).toBe(false);
  });

  test('nothing personal in the clear: neither the surname (UTF-8 or UTF-16LE) nor the phone', async () => {
    const bytes = await encode();
    const { headerText, sealed } = split(bytes);
    for (const needle of [SURNAME, 'Бондар', '380671234567']) {
      expect(contains(bytes, Buffer.from(needle, 'utf8')), needle).toBe(false);
      expect(contains(bytes, Buffer.from(needle, 'utf16le')), needle).toBe(false);
      expect(contains(sealed, Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
    expect(headerText).not.toContain('01A');
    // The gzip inside is encrypted too: no gzip magic where the body starts.
    expect([sealed[0], sealed[1]]).not.toEqual([0x1f, 0x8b]);
    // The check itself can fail: the same body in a version 1 file shows the surname after gunzip.
    const v1 = await webCodec.gunzip(await encodeV1File(meta, body, webCodec));
    expect(contains(v1, Buffer.from(SURNAME, 'utf8'))).toBe(true);
  });

  test('a passphrase typed with a decomposed й opens a file made with the composed one (NFC)', async () => {
    const composed = 'йорданія-2026';
    const bytes = await encodeTransferFile(meta, body, composed, webCodec);
    expect(await codeOf(bytes, composed.normalize('NFD'))).toBe('ok');
  });

  test('a passphrase shorter than 8 characters makes no file', async () => {
    await expect(encodeTransferFile(meta, body, 'коротко', webCodec)).rejects.toThrow('passphrase');
    expect(await encodeTransferFile(meta, body, 'вісім-8!', webCodec)).toBeInstanceOf(Uint8Array);
  });
});

describe('refusals', () => {
  test('a wrong passphrase: told apart from damage', async () => {
    const r = await decode(await encode(), 'Глибоке-2026 осінь');
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'wrong-passphrase',
      message: { uk: expect.stringContaining('Неправильний пароль') },
    });
    expect(await codeOf(await encode(), PASSPHRASE.toUpperCase())).toBe('wrong-passphrase');
  });

  test('one flipped bit in the ciphertext, in the tag (the last 16 bytes), in a header value: damaged', async () => {
    const bytes = await encode();
    const start = bytes.indexOf(NEWLINE) + 1;
    expect(await codeOf(flipped(bytes, start))).toBe('damaged');
    expect(await codeOf(flipped(bytes, Math.floor((start + bytes.length - 16) / 2)))).toBe('damaged');
    expect(await codeOf(flipped(bytes, bytes.length - 1))).toBe('damaged');
    expect(await codeOf(flipped(bytes, bytes.length - 16))).toBe('damaged');
    // Header edits that keep it valid JSON: the tag covers the exact header bytes.
    expect(await codeOf(withHeader(bytes, (h) => h.replace('"from":"hlyboke"', '"from":"hlybokf"')))).toBe('damaged');
    expect(await codeOf(withHeader(bytes, (h) => h.replace('"community":"hlybotska"', '"community":"inshska"')))).toBe('damaged');
    expect(await codeOf(withHeader(bytes, (h) => h.replace('"count":1', '"count":2')))).toBe('damaged');
    expect(await codeOf(withHeader(bytes, (h) => h.replace('{', '{ ')))).toBe('damaged');
    expect(await codeOf(bytes)).toBe('ok');
  });

  test('one changed bit in the header, at its start, middle, end and in the newline: refused', async () => {
    // Whichever refusal applies (broken JSON: damaged; a changed salt or key check: wrong passphrase; a changed
    // value: the tag fails), none of them decodes.
    const bytes = await encode();
    const headerLength = bytes.indexOf(NEWLINE);
    const positions = [0, 1, 12, 30, Math.floor(headerLength / 2), headerLength - 3, headerLength - 1, headerLength];
    for (const at of positions) expect(await codeOf(flipped(bytes, at)), `byte ${at}`).not.toBe('ok');
  });

  test('cut at several points (header, ciphertext, tag): damaged, never decoded', async () => {
    const bytes = await encode();
    const headerLength = bytes.indexOf(NEWLINE);
    for (const at of [10, headerLength, headerLength + 1, headerLength + 20, bytes.length - 16, bytes.length - 1]) {
      expect(await codeOf(bytes.slice(0, at)), `cut at ${at}`).toBe('damaged');
    }
  });

  test('iterations: honoured as the header says, and a header asking for fewer than 100,000 is refused', async () => {
    const bytes = await encode();
    const lowered = withHeader(bytes, (h) => h.replace('"iterations":600000', '"iterations":1000'));
    const codec = countingCodec();
    const r = await decode(lowered, PASSPHRASE, app, codec);
    expect(r.ok ? null : r.error.code).toBe('weak-protection');
    expect(codec.derivations).toEqual([]);
    expect(MIN_ITERATIONS).toBe(100_000);
    expect(await codeOf(withHeader(bytes, (h) => h.replace('"iterations":600000', '"iterations":99999')))).toBe(
      'weak-protection',
    );
    expect(await codeOf(withHeader(bytes, (h) => h.replace('"iterations":600000', '"iterations":1000000000')))).toBe(
      'weak-protection',
    );
    // 600,001 rounds derive another key: the key check says so, which shows the header's count is the one used.
    const other = withHeader(bytes, (h) => h.replace('"iterations":600000', '"iterations":600001'));
    const counted = countingCodec();
    expect((await decode(other, PASSPHRASE, app, counted)).ok).toBe(false);
    expect(counted.derivations).toEqual([600_001]);
  });

  test('not our format: plain text, another gzip file, a header of another format', async () => {
    expect(await codeOf(new TextEncoder().encode('surname;name\nБондар;Іван\n'))).toBe('not-ours');
    expect(await codeOf(await webCodec.gzip(new TextEncoder().encode('{"hello":1}\n{}')))).toBe('not-ours');
    expect(await codeOf(new TextEncoder().encode('{"format":"other-app","formatVersion":2}\nxyz'))).toBe('not-ours');
  });

  test('zero bytes', async () => {
    expect(await codeOf(new Uint8Array())).toBe('empty');
  });

  test('made by a newer app: format version, app version, or a collection this app does not know', async () => {
    const bytes = await encode();
    expect(await codeOf(withHeader(bytes, (h) => h.replace('"formatVersion":2', '"formatVersion":3')))).toBe('newer-version');
    const newerApp = await encode({ ...meta, appVersion: '0.10.0' });
    const preview = await previewTransferFile(newerApp, app, webCodec);
    expect(preview.ok ? null : preview.error).toMatchObject({
      code: 'newer-version',
      message: { uk: expect.stringContaining('оновіть програму') },
    });
    expect(await codeOf(newerApp, PASSPHRASE, { ...app, appVersion: '0.10.0' })).toBe('ok');
    const withFiles = await encode(
      { ...meta, schemaVersions: { ...meta.schemaVersions, files: 0 } },
      { ...body, collections: { ...body.collections, files: [] } },
    );
    expect((await previewTransferFile(withFiles, app, webCodec)).ok).toBe(false);
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

describe('version 1 files (unencrypted, from older app versions)', () => {
  const v1 = () => encodeV1File(meta, body, webCodec);

  test('still read, flagged as not encrypted, with any passphrase or none', async () => {
    const codec = countingCodec();
    const r = await decode(await v1(), '', app, codec);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value).toMatchObject({ isEncrypted: false, body, header: { formatVersion: 1, from: 'hlyboke' } });
    expect(codec.derivations).toEqual([]);
    const preview = await previewTransferFile(await v1(), app, webCodec);
    expect(preview.ok && preview.value.isEncrypted).toBe(false);
  });

  test('their checksum still refuses a cut, flipped or re-gzipped edited file', async () => {
    const bytes = await v1();
    for (const at of [2, 10, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(await codeOf(bytes.slice(0, at)), `cut at ${at}`).toBe('damaged');
    }
    expect(await codeOf(flipped(bytes, Math.floor(bytes.length / 2)))).toBe('damaged');
    const plain = new TextDecoder().decode(await webCodec.gunzip(bytes));
    const edited = await webCodec.gzip(new TextEncoder().encode(plain.replace(SURNAME, 'Бондаренко')));
    expect(await codeOf(edited)).toBe('damaged');
    const newer = await webCodec.gzip(new TextEncoder().encode(plain.replace('"formatVersion":1', '"formatVersion":2')));
    expect(await codeOf(newer)).toBe('newer-version');
  });
});
