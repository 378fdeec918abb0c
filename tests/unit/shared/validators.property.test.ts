import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppealDraft } from '../../../shared/domain/appeal/appeal.types';
import { normalizeUaPhone, validateDraft, validateEvent } from '../../../shared/domain/appeal/validate';
import { EVENT_KINDS } from '../../../shared/domain/events/event.types';
import { eventOf, TODAY, validDraft } from './fixtures';

const ctx = { today: TODAY };

/** Strings people (and broken clients) produce: any unicode incl. emoji and lone surrogates, up to 12,000 chars. */
const wildString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 50 }),
  fc.string({ unit: 'binary', minLength: 11_000, maxLength: 12_000 }),
  fc.constantFrom('', ' ', '<script>alert(1)</script>', '😀👨‍👩‍👧', '__proto__', 'constructor', '\u0000', '\u202e'),
);

const STRING_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'collectiveName',
  'address',
  'phone',
  'email',
  'socialStatus',
  'note',
] as const;

function isProblemList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (p) =>
        typeof p.field === 'string' &&
        typeof p.code === 'string' &&
        p.code !== '' &&
        typeof p.message?.uk === 'string' &&
        p.message.uk !== '' &&
        typeof p.message?.en === 'string' &&
        p.message.en !== '',
    )
  );
}

describe('validators never throw', () => {
  it('validateDraft(anything) returns problems', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true }), (input) => {
        const problems = validateDraft(input, ctx);
        expect(isProblemList(problems)).toBe(true);
        expect(problems.length).toBeGreaterThan(0); // nothing random is a complete card
      }),
      { numRuns: 500 },
    );
  });

  it('validateDraft on cards with random text fields', () => {
    const patchArb = fc.record(
      Object.fromEntries(STRING_FIELDS.map((f) => [f, wildString])) as Record<
        (typeof STRING_FIELDS)[number],
        fc.Arbitrary<string>
      >,
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(patchArb, wildString, wildString, (patch, topic, text) => {
        const draft: AppealDraft = { ...validDraft(patch), issues: [{ topicCode: topic, text }] };
        const problems = validateDraft(draft, ctx);
        expect(isProblemList(problems)).toBe(true);
        for (const p of problems) expect(Object.keys(draft)).toContain(p.field.split('.')[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('a valid card stays valid with any non-blank issue text of allowed length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2_000 }).filter((s) => s.trim() !== ''),
        (text) => {
          expect(validateDraft(validDraft({ issues: [{ topicCode: '010', text }] }), ctx)).toEqual([]);
        },
      ),
    );
  });

  it('validateEvent(anything) returns problems', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (input) => {
        const problems = validateEvent(input, { today: TODAY, receivedOn: '2024-05-01', currentDueDate: '2024-06-01' });
        expect(isProblemList(problems)).toBe(true);
        expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('validateEvent on events with random payload values', () => {
    const value = fc.oneof(wildString, fc.anything(), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_KINDS),
        fc.dictionary(
          fc.constantFrom('text', 'note', 'reason', 'changes', 'newDueDate', 'replyDate', 'outcome', 'executor', '__proto__'),
          value,
        ),
        (kind, payload) => {
          expect(isProblemList(validateEvent({ ...eventOf(kind), payload }, ctx))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('normalizeUaPhone returns null or a +380 number for any string', () => {
    fc.assert(
      fc.property(wildString, (s) => {
        const n = normalizeUaPhone(s);
        expect(n === null || /^\+380[3-9]\d{8}$/.test(n)).toBe(true);
      }),
    );
  });

  it('normalizeUaPhone accepts any national number however it is spaced', () => {
    const digits = fc.tuple(
      fc.integer({ min: 3, max: 9 }),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
    );
    const sep = fc.constantFrom('', ' ', '-', '.', ' - ');
    fc.assert(
      fc.property(digits, sep, fc.constantFrom('0', '+380', '380', '+38 0', '8 0', '+38 (0'), ([first, rest], s, prefix) => {
        const national = `${first}${rest.join('')}`;
        const typed = `${prefix}${national.slice(0, 2)}${prefix.endsWith('(0') ? ')' : s}${national.slice(2, 5)}${s}${national.slice(5, 7)}${s}${national.slice(7)}`;
        expect(normalizeUaPhone(typed)).toBe(`+380${national}`);
      }),
    );
  });
});
