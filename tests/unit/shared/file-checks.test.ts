import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkCount, formatSize, planChunks, toHex } from '../../../shared/domain/files/chunks';
import { CHUNK_SIZE, MAX_FILE_BYTES } from '../../../shared/domain/files/file.types';
import { checkFileBytes, checkFileInfo, mimeOfName, sniffMime } from '../../../shared/domain/files/file-checks';
import { fileMetaProblems } from '../../../shared/domain/files/validate-file';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
const PDF = text('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('file checks', () => {
  it.each([
    ['scan.JPG', 'image/jpeg'],
    ['photo.jpeg', 'image/jpeg'],
    ['photo.png', 'image/png'],
    ['letter.pdf', 'application/pdf'],
    ['letter.docx', null],
    ['pdf', null],
    ['.png', null],
  ])('the name %s claims %s', (name, mime) => {
    expect(mimeOfName(name)).toBe(mime);
  });

  it.each([
    [{ name: 'a.exe', size: 10 }, 'file-type'],
    [{ name: 'a.png', size: 0 }, 'file-empty'],
    [{ name: 'a.png', size: MAX_FILE_BYTES + 1 }, 'file-too-large'],
    [{ name: 'a.pdf', size: 200 * 1024 * 1024 }, 'file-too-large'],
  ])('%o is refused before reading (%s), in both languages', (info, code) => {
    const [problem] = checkFileInfo(info);
    expect(problem?.code).toBe(code);
    expect(problem?.message.uk).toContain(info.name);
    expect(problem?.message.en).toContain(info.name);
  });

  it('a file at the limit passes the first step', () => {
    expect(checkFileInfo({ name: 'a.jpg', size: MAX_FILE_BYTES })).toEqual([]);
  });

  it.each([
    ['a.jpg', JPEG, 'image/jpeg'],
    ['a.png', PNG, 'image/png'],
    ['a.pdf', PDF, 'application/pdf'],
    ['a.png', text('GIF89a'), null],
  ])('the first bytes of %s show %s', (_name, content, mime) => {
    expect(sniffMime(content)).toBe(mime);
  });

  it.each([
    ['a.jpg', JPEG, []],
    ['a.png', PNG, []],
    ['a.pdf', PDF, []],
    ['a.png', JPEG, ['file-content']],
    ['a.jpg', PDF, ['file-content']],
    ['a.pdf', PNG, ['file-not-pdf']],
    ['a.pdf', text('%PDF-1.7 but cut short'), ['file-not-pdf']],
    ['a.pdf', text('hello %%EOF'), ['file-not-pdf']],
  ])('%s with given bytes → %o', (name, content, codes) => {
    expect(checkFileBytes(name, content).map((p) => p.code)).toEqual(codes);
  });

  it('any bytes that are neither JPEG, PNG nor PDF are refused under any allowed extension', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constantFrom('a.jpg', 'a.png', 'a.pdf'), (content, name) => {
        const problems = checkFileBytes(name, content);
        const real = sniffMime(content);
        if (real === null) expect(problems).not.toEqual([]);
        if (real !== mimeOfName(name)) expect(problems).not.toEqual([]);
      }),
    );
  });
});

describe('chunk planning', () => {
  it('cuts a file into consecutive chunks that cover every byte once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1024, max: CHUNK_SIZE }), (size, chunk) => {
        const plans = planChunks(size, chunk);
        expect(plans).toHaveLength(chunkCount(size, chunk));
        expect(plans[0]?.start).toBe(0);
        expect(plans.at(-1)?.end).toBe(size);
        plans.forEach((p, i) => {
          expect(p.n).toBe(i);
          expect(p.end - p.start).toBeGreaterThan(0);
          expect(p.end - p.start).toBeLessThanOrEqual(chunk);
          if (i > 0) expect(p.start).toBe(plans[i - 1]?.end);
        });
      }),
    );
  });

  it('a 2 MB file is 32 chunks of 64 KB', () => {
    expect(chunkCount(2 * 1024 * 1024, CHUNK_SIZE)).toBe(32);
    expect(planChunks(CHUNK_SIZE + 1, CHUNK_SIZE).map((p) => p.end - p.start)).toEqual([CHUNK_SIZE, 1]);
  });

  it('formats digests and sizes', () => {
    expect(toHex(bytes(0, 15, 255))).toBe('000fff');
    expect(formatSize(512, 'en')).toBe('512 B');
    expect(formatSize(2048, 'uk')).toBe('2 КБ');
    expect(formatSize(2 * 1024 * 1024, 'en')).toBe('2.0 MB');
  });
});

describe('file metadata from the server', () => {
  const good = {
    id: '01HFILE',
    appealId: '01HAPPEAL',
    villageId: 'hlyboke',
    name: 'скан.jpg',
    mime: 'image/jpeg',
    size: 10,
    sha256: 'a'.repeat(64),
    addedAt: '2024-05-01T08:00:00.000Z',
    by: 'Оператор',
    role: 'starosta',
    chunkSize: CHUNK_SIZE,
    chunkCount: 1,
  };
  it('accepts a complete document and names what is wrong in a broken one', () => {
    expect(fileMetaProblems(good)).toEqual([]);
    expect(fileMetaProblems({ ...good, mime: 'text/html' })).toEqual(['mime: JPEG, PNG or PDF']);
    expect(fileMetaProblems({ ...good, size: 0 })).toEqual(['size: integer']);
    expect(fileMetaProblems({ ...good, sha256: 'xyz' })).toEqual(['sha256: 64 hex digits']);
    const { appealId: _, ...noAppeal } = good;
    expect(fileMetaProblems(noAppeal)).toEqual(['appealId: required']);
  });
});
