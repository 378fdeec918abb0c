import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../../shared/domain/events/event.types';
import {
  ANSWER_OUTCOMES,
  APPEAL_TYPES,
  APPLICANT_CATEGORIES,
  EVENT_KIND_LABELS,
  hasCode,
  labelOf,
  NOT_CONSIDERED_REASONS,
  RECEIPT_FORMS,
  RECEIPT_SIGNS,
  REFERENCE_FILES,
  REFERENCE_VERSION,
  type ReferenceItem,
  SEXES,
  SOCIAL_STATUSES,
  SUBJECTS,
  TOPICS,
} from '../../../shared/reference';

const codes = (list: readonly ReferenceItem[]) => list.map((i) => i.code);

describe('reference data', () => {
  it.each(Object.entries(REFERENCE_FILES))('%s: version, unique codes, both labels', (_name, file) => {
    expect(file.version).toBe(REFERENCE_VERSION);
    expect(file.items.length).toBeGreaterThan(0);
    expect(new Set(codes(file.items)).size).toBe(file.items.length);
    for (const item of file.items) {
      expect(item.code).toMatch(/^[a-z0-9-]+$/);
      expect(item.uk.trim()).not.toBe('');
      expect(item.en.trim()).not.toBe('');
      expect(item.uk).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('uses one apostrophe (ʼ U+02BC) in Ukrainian labels', () => {
    const all = Object.values(REFERENCE_FILES).flatMap((f) => f.items.map((i) => i.uk));
    expect(all.some((s) => s.includes('ʼ'))).toBe(true);
    for (const s of all) expect(s).not.toMatch(/['’‘`]/);
  });

  it.each([
    [
      'receipt forms',
      RECEIPT_FORMS,
      ['post', 'personal', 'authorised', 'authorities', 'media', 'other-bodies', 'email', 'phone'],
    ],
    ['receipt signs', RECEIPT_SIGNS, ['first', 'repeat', 'duplicate', 'recurring', 'mass']],
    ['appeal types', APPEAL_TYPES, ['proposal', 'application', 'complaint']],
    ['subjects', SUBJECTS, ['individual', 'collective', 'anonymous']],
    ['sexes', SEXES, ['female', 'male', 'unknown']],
    ['not-considered reasons', NOT_CONSIDERED_REASONS, ['anonymous', 'unclear', 'repeat-decided', 'late-complaint', 'incapable']],
    ['answer outcomes', ANSWER_OUTCOMES, ['satisfied', 'partially', 'explained', 'rejected']],
    ['event kinds', EVENT_KIND_LABELS, [...EVENT_KINDS]],
  ] as const)('%s have exactly the codes the types use', (_name, list, expected) => {
    expect([...codes(list)].sort()).toEqual([...expected].sort());
  });

  it('categories and statuses contain the classifier entries people look for', () => {
    for (const code of [
      'war-participant',
      'child-of-war',
      'war-disabled',
      'combat-veteran',
      'disability-1',
      'disability-2',
      'disability-3',
      'idp',
      'chornobyl-liquidator',
      'hero-of-ukraine',
      'large-family',
    ]) {
      expect(hasCode(APPLICANT_CATEGORIES, code)).toBe(true);
    }
    expect(labelOf(APPLICANT_CATEGORIES, 'combat-veteran', 'uk')).toBe('Учасник бойових дій');
    expect(labelOf(APPLICANT_CATEGORIES, 'idp', 'uk')).toBe('Внутрішньо переміщена особа');
    expect(labelOf(APPLICANT_CATEGORIES, 'war-disabled', 'uk')).toBe('Особа з інвалідністю внаслідок війни');
    for (const code of ['pensioner', 'worker', 'unemployed', 'entrepreneur', 'student', 'serviceman', 'other']) {
      expect(hasCode(SOCIAL_STATUSES, code)).toBe(true);
    }
  });

  it('topics are 20–25 three-digit codes in ascending order', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(20);
    expect(TOPICS.length).toBeLessThanOrEqual(25);
    for (const t of TOPICS) expect(t.code).toMatch(/^\d{3}$/);
    expect([...codes(TOPICS)].sort()).toEqual(codes(TOPICS));
    expect(labelOf(TOPICS, '010', 'uk')).toBe('Аграрна політика і земельні відносини');
  });

  it('labelOf picks the language and falls back to the code', () => {
    expect(labelOf(APPEAL_TYPES, 'complaint', 'uk')).toBe('Скарга');
    expect(labelOf(APPEAL_TYPES, 'complaint', 'en')).toBe('Complaint');
    expect(labelOf(APPEAL_TYPES, 'petition', 'uk')).toBe('petition');
    expect(labelOf(TOPICS, '', 'en')).toBe('');
  });

  it('hasCode is exact', () => {
    expect(hasCode(SUBJECTS, 'collective')).toBe(true);
    expect(hasCode(SUBJECTS, 'Collective')).toBe(false);
    expect(hasCode(SUBJECTS, '')).toBe(false);
    expect(hasCode(SUBJECTS, 'toString')).toBe(false);
  });

  it('lists are frozen so no screen can change them for everybody', () => {
    expect(Object.isFrozen(TOPICS)).toBe(true);
    expect(() => (TOPICS as ReferenceItem[]).push({ code: 'x', uk: 'x', en: 'x' })).toThrow();
  });
});
