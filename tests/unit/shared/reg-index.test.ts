import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppealSubject } from '../../../shared/domain/appeal/appeal.types';
import {
  formatRegIndex,
  indexLetter,
  indexPrefix,
  isVillageCode,
  isWorkstation,
  nextRegIndex,
  parseRegIndex,
} from '../../../shared/domain/indexes/reg-index';

describe('village codes and workstations', () => {
  it.each([
    ['hlb', true],
    ['nova_selyshche2', true],
    ['central', true],
    ['ab', true],
    ['a', false],
    ['HLB', false],
    ['2hlb', false],
    ['_hlb', false],
    ['hl-b', false],
    ['хліб', false],
    ['a'.repeat(20), true],
    ['a'.repeat(21), false],
    ['', false],
  ])('isVillageCode(%j) = %s', (code, expected) => {
    expect(isVillageCode(code)).toBe(expected);
  });

  it.each([
    [1, true],
    [99, true],
    [0, false],
    [100, false],
    [1.5, false],
    [-1, false],
    [Number.NaN, false],
    ['1', false],
  ])('isWorkstation(%j) = %s', (n, expected) => {
    expect(isWorkstation(n)).toBe(expected);
  });

  it('builds the prefix and refuses invalid parts', () => {
    expect(indexPrefix('hlb', 1)).toBe('HLB.1');
    expect(indexPrefix('nova_sel2', 12)).toBe('NOVA_SEL2.12');
    expect(() => indexPrefix('HLB', 1)).toThrow(/village/i);
    expect(() => indexPrefix('hlb', 0)).toThrow(/workstation/i);
  });
});

describe('indexLetter', () => {
  it.each([
    ['individual', 'Бондаренко', 'Б'],
    ['individual', 'бондаренко', 'Б'],
    ['individual', '  Шевчук ', 'Ш'],
    ['individual', 'Євтушенко', 'Є'],
    ['individual', 'єрмоленко', 'Є'],
    ['individual', 'Їжакевич', 'Ї'],
    ['individual', 'їжакевич', 'Ї'],
    ['individual', 'Іваненко', 'І'],
    ['individual', 'іваненко', 'І'],
    ['individual', 'Ґудзь', 'Ґ'],
    ['individual', 'ґудзь', 'Ґ'],
    ['individual', 'Йосипенко', 'Й'],
    ['individual', 'И\u0306осипенко', 'Й'], // decomposed Й
    ['individual', 'і\u0308жак', 'Ї'], // decomposed ї
    ['individual', 'Щербак', 'Щ'],
    ['individual', 'Smith', 'S'],
    ['individual', "'Ярош", 'Я'], // a stray apostrophe is skipped
    ['individual', '', 'БП'],
    ['individual', '   ', 'БП'],
    ['individual', '123', 'БП'],
    ['collective', 'Бондаренко', 'КО'],
    ['collective', '', 'КО'],
    ['anonymous', 'Бондаренко', 'БП'],
    ['anonymous', '', 'БП'],
  ] as [AppealSubject, string, string][])('%s %j → %s', (subject, surname, expected) => {
    expect(indexLetter({ subject, surname })).toBe(expected);
  });
});

describe('nextRegIndex', () => {
  it.each([
    ['hlb', 1, 'individual', 'Бондаренко', 16, 'HLB.1-Б-17', 17],
    ['hlb', 2, 'collective', 'Мешканці', 17, 'HLB.2-КО-18', 18],
    ['central', 1, 'anonymous', '', 2, 'CENTRAL.1-БП-3', 3],
    ['hlb', 1, 'individual', 'єва', 0, 'HLB.1-Є-1', 1],
  ] as [string, number, AppealSubject, string, number, string, number][])(
    '%s/%i %s %j after %i → %s',
    (villageCode, workstation, subject, surname, lastSeq, regIndex, regSeq) => {
      expect(nextRegIndex({ villageCode, workstation, draft: { subject, surname }, lastSeq })).toEqual({ regIndex, regSeq });
    },
  );

  it('refuses a broken sequence instead of reusing a number', () => {
    const draft = { subject: 'individual' as const, surname: 'Бондар' };
    for (const lastSeq of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => nextRegIndex({ villageCode: 'hlb', workstation: 1, draft, lastSeq })).toThrow();
    }
  });
});

describe('parseRegIndex', () => {
  it.each([
    ['HLB.1-Б-17', { villageCode: 'hlb', workstation: 1, letter: 'Б', seq: 17 }],
    ['NOVA_SEL2.12-КО-18', { villageCode: 'nova_sel2', workstation: 12, letter: 'КО', seq: 18 }],
    ['CENTRAL.1-БП-3', { villageCode: 'central', workstation: 1, letter: 'БП', seq: 3 }],
    ['HLB.99-Ї-1000000', { villageCode: 'hlb', workstation: 99, letter: 'Ї', seq: 1_000_000 }],
  ])('%s', (s, expected) => {
    expect(parseRegIndex(s)).toEqual(expected);
    expect(formatRegIndex(expected)).toBe(s);
  });

  it.each([
    'Б-17',
    'HLB-Б-17',
    'hlb.1-Б-17',
    'HLB.0-Б-17',
    'HLB.100-Б-17',
    'HLB.1-Б-0',
    'HLB.1-Б-017',
    'HLB.1-БО-17',
    'HLB.1--17',
    'HLB.1-Б-17 ',
    'HLB.1-1-17',
    '',
  ])('%j is not an index', (s) => {
    expect(parseRegIndex(s)).toBeNull();
  });
});

const villageArb = fc.stringMatching(/^[a-z][a-z0-9_]{1,19}$/);
const surnameArb = fc.oneof(
  fc.constantFrom('Бондаренко', 'єва', 'Їжак', 'ґава', 'Іван', '', 'Smith', 'Øberg', 'ǆuro', 'ŉame', 'ßtraße'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const draftArb = fc.record({
  subject: fc.constantFrom<AppealSubject>('individual', 'collective', 'anonymous'),
  surname: surnameArb,
});

describe('index properties', () => {
  it('never repeats across devices allocating offline at the same time', () => {
    const devicesArb = fc.uniqueArray(fc.tuple(villageArb, fc.integer({ min: 1, max: 99 })), {
      minLength: 1,
      maxLength: 8,
      selector: ([v, w]) => `${v}/${w}`,
    });
    fc.assert(
      fc.property(devicesArb, fc.array(fc.tuple(fc.nat(), draftArb), { minLength: 1, maxLength: 200 }), (devices, steps) => {
        const lastSeq = new Map<string, number>();
        const seen = new Set<string>();
        for (const [pick, draft] of steps) {
          const [villageCode, workstation] = devices[pick % devices.length] as [string, number];
          const key = `${villageCode}/${workstation}`;
          const { regIndex, regSeq } = nextRegIndex({ villageCode, workstation, draft, lastSeq: lastSeq.get(key) ?? 0 });
          lastSeq.set(key, regSeq);
          expect(seen.has(regIndex)).toBe(false);
          seen.add(regIndex);
          expect(parseRegIndex(regIndex)).toEqual({ villageCode, workstation, letter: indexLetter(draft), seq: regSeq });
        }
        expect(seen.size).toBe(steps.length);
      }),
      { numRuns: 200 },
    );
  });

  it('parse(format(x)) round-trips', () => {
    const partsArb = fc.record({
      villageCode: villageArb,
      workstation: fc.integer({ min: 1, max: 99 }),
      letter: draftArb.map(indexLetter),
      seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    });
    fc.assert(
      fc.property(partsArb, (parts) => {
        const s = formatRegIndex(parts);
        expect(parseRegIndex(s)).toEqual(parts);
      }),
      { numRuns: 500 },
    );
  });

  it('parseRegIndex never throws and only accepts what format would produce', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const parts = parseRegIndex(s);
        if (parts !== null) expect(formatRegIndex(parts)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
