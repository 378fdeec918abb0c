/**
 * A file's body written and read in pieces (body-writer.ts, body-reader.ts), so a whole register is never one string:
 * the text is the JSON the whole-body JSON.stringify gave; bodies of either key order (files made before this reader,
 * profile last) read back whole however the bytes are cut into pieces; anything else is damaged, never half-read.
 */
import { describe, expect, test } from 'vitest';
import { webCodec } from '../../../renderer/data/transfer/web-codec';
import { type BodyOutcome, readBody } from '../../../shared/transfer/body-reader';
import { startBody } from '../../../shared/transfer/body-writer';
import type { TransferBody, TransferDoc } from '../../../shared/transfer/format';

const profile = {
  villageCode: 'hlyboke',
  villageName: 'Глибоке',
  workstation: 1,
  operatorName: 'Коваль О. П.',
  role: 'starosta' as const,
};

/** Records whose text has what a scanner can stumble on: quotes, backslashes, braces, brackets, Cyrillic, emoji. */
const tricky: TransferDoc[] = [
  { id: '01A', villageId: 'hlyboke', note: 'лапки "в тексті" і \\ скісна, {дужки} та [квадратні]' },
  { id: '01B', villageId: 'hlyboke', note: 'кінець рядка\nі табуляція\t, \\"", 😀', nested: { a: [1, { b: '}' }] } },
  { id: '01C', villageId: 'hlyboke', issues: [], n: -1.5e3, flag: true, none: null },
  { id: '01D', villageId: 'hlyboke', note: 'одна лапка " і } ]' },
];
const events: TransferDoc[] = Array.from({ length: 7 }, (_, i) => ({ id: `02E${i}`, appealId: '01A', kind: 'comment' }));
const body: TransferBody = { profile, collections: { appeals: tricky, events, files: [] } };
const counts = { appeals: tricky.length, events: events.length, files: 0 };

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes as pieces of `size` (the last one shorter). */
async function* piecesOf(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Reads a body and collects what the visitor heard. */
async function read(bytes: Uint8Array, size = bytes.length || 1, expected: Record<string, number> = counts, page = 3) {
  const got: TransferBody = { profile: null, collections: {} };
  const pages: number[] = [];
  const outcome: BodyOutcome = await readBody(
    piecesOf(bytes, size),
    expected,
    {
      profile: (value) => {
        got.profile = value as TransferBody['profile'];
        return undefined;
      },
      collection: (name) => {
        got.collections[name] = [];
      },
      docs: (name, docs) => {
        pages.push(docs.length);
        got.collections[name]?.push(...docs);
      },
    },
    page,
  );
  return { outcome: outcome.kind, got, pages };
}

describe('writing a body in pieces', () => {
  test('gives the JSON of the whole body, profile first, records counted per collection', async () => {
    const writer = startBody(profile, webCodec);
    for (const [name, docs] of Object.entries(body.collections)) {
      await writer.collection(name);
      // Pages of two, as the database is read page by page.
      for (let i = 0; i < docs.length; i += 2) await writer.add(docs.slice(i, i + 2));
    }
    const { packed, counts: written } = await writer.finish();
    const text = new TextDecoder().decode(await webCodec.gunzip(packed));
    expect(JSON.parse(text)).toEqual(body);
    expect(text.startsWith('{"profile":{')).toBe(true);
    expect(written).toEqual(counts);
  });

  test('an empty body is still a body', async () => {
    const { packed, counts: written } = await startBody(null, webCodec).finish();
    expect(JSON.parse(new TextDecoder().decode(await webCodec.gunzip(packed)))).toEqual({
      profile: null,
      collections: {},
    });
    expect(written).toEqual({});
  });
});

describe('reading a body in pieces', () => {
  // The layout files had before (JSON.stringify of { collections, profile }), this one, and an indented one.
  const layouts = {
    'profile last (files made before)': JSON.stringify({ collections: body.collections, profile }),
    'profile first (files made now)': JSON.stringify(body),
    indented: JSON.stringify(body, null, 2),
  };

  test.each(Object.entries(layouts))('%s: the same records and profile, however the bytes are cut', async (_, text) => {
    const bytes = utf8(text);
    // One byte at a time cuts every multi-byte letter, escape and value across pieces.
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const { outcome, got, pages } = await read(bytes, size);
      expect(outcome, `pieces of ${size}`).toBe('read');
      expect(got).toEqual(body);
      expect(pages).toEqual([3, 1, 3, 3, 1]);
    }
  });

  test('a page also ends at its byte limit (records with scans are MBs each)', async () => {
    const big = Array.from({ length: 5 }, (_, i) => ({
      id: `F${i}`,
      _attachments: { scan: { type: 'x', data: 'A'.repeat(400) } },
    }));
    const pages: number[] = [];
    const outcome = await readBody(
      piecesOf(utf8(JSON.stringify({ profile: null, collections: { files: big } })), 64),
      { files: 5 },
      { docs: (_, docs) => void pages.push(docs.length) },
      1000,
      1000,
    );
    expect(outcome.kind).toBe('read');
    // ~450 bytes each: a page closes once it passes 1,000 bytes.
    expect(pages).toEqual([3, 2]);
  });

  test('a profile that comes first can end the reading at once', async () => {
    const docs: string[] = [];
    const outcome = await readBody(piecesOf(utf8(JSON.stringify(body)), 5), counts, {
      profile: () => 'stop',
      docs: (name) => {
        docs.push(name);
      },
    });
    expect(outcome.kind).toBe('stopped');
    expect(docs).toEqual([]);
  });

  test('a page the visitor refuses ends the reading with its reason', async () => {
    let pages = 0;
    const outcome = await readBody(
      piecesOf(utf8(JSON.stringify(body)), 16),
      counts,
      {
        docs: () => {
          pages++;
          return 'no';
        },
      },
      2,
    );
    expect(outcome).toEqual({ kind: 'refused', value: 'no' });
    expect(pages).toBe(1);
  });

  test('cut anywhere: damaged, never read', async () => {
    const text = JSON.stringify(body);
    for (let at = 0; at < utf8(text).length; at++) {
      const { outcome } = await read(utf8(text).subarray(0, at), 13);
      expect(outcome, `cut at ${at}`).toBe('damaged');
    }
  });

  /** Bodies that are not what this app writes, each with the counts its header would say. */
  const oneFile = { ...counts, files: 1 };
  const withFiles = (files: unknown[]) => JSON.stringify({ ...body, collections: { ...body.collections, files } });
  const damaged: Record<string, [string, Record<string, number>]> = {
    'a count other than the header': [withFiles([{ id: 'x' }]), counts],
    'a collection the header does not name': [
      JSON.stringify({ ...body, collections: { ...body.collections, other: [] } }),
      counts,
    ],
    'a record without a string id': [withFiles([{ id: 1 }]), oneFile],
    'a record that is not an object': [withFiles(['x']), oneFile],
    'a record that is an array': [withFiles([['x']]), oneFile],
    'collections that are not an object': [JSON.stringify({ profile, collections: [] }), counts],
    'no profile': [JSON.stringify({ collections: body.collections }), counts],
    'a profile that is not an object': [JSON.stringify({ ...body, profile: 'x' }), counts],
    'a key twice': ['{"profile":null,"profile":null,"collections":{}}', counts],
    'a collection twice': ['{"profile":null,"collections":{"files":[],"files":[]}}', counts],
    'text after the body': [`${JSON.stringify(body)}x`, counts],
    'a second body': [`${JSON.stringify(body)}{}`, counts],
    'not JSON inside a record': [JSON.stringify(body).replace('"01C"', '"01C",,'), counts],
    'not an object': ['[]', counts],
    empty: ['', counts],
  };
  test.each(Object.entries(damaged))('%s: damaged', async (_, [text, expected]) => {
    expect((await read(utf8(text), 5, expected)).outcome).toBe('damaged');
  });

  test('bytes that are not UTF-8 inside a record: damaged', async () => {
    const bytes = utf8(JSON.stringify(body));
    const at = bytes.indexOf(utf8('кінець')[0] as number);
    const broken = bytes.slice();
    broken[at] = 0xff;
    expect((await read(broken, 11)).outcome).toBe('damaged');
  });

  test('a gzip stream cut short: damaged', async () => {
    const packed = await webCodec.gzip(utf8(JSON.stringify(body)));
    const outcome = await readBody(webCodec.gunzipPieces(packed.subarray(0, packed.length - 9)), counts, {});
    expect(outcome.kind).toBe('damaged');
  });
});
