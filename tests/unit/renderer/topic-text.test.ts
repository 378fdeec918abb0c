import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { topicLabel, topicLabelBesideCode, topicLine } from '../../../renderer/features/appeal/topic-text';
import en from '../../../renderer/i18n/en.json';
import uk from '../../../renderer/i18n/uk.json';
import { TOPICS } from '../../../shared/reference';

beforeAll(async () => {
  await i18next.init({ resources: { uk: { translation: uk }, en: { translation: en } }, lng: 'uk', fallbackLng: 'uk' });
});

describe('the topic of an issue as the register, the card and the papers show it', () => {
  const known = TOPICS[0];

  it('a known code shows its label', () => {
    if (!known) throw new Error('no topics');
    expect(topicLabel(known.code, 'uk', i18next.getFixedT('uk'))).toBe(known.uk);
    expect(topicLine(known.code, 'en', i18next.getFixedT('en'))).toBe(`${known.code} — ${known.en}`);
  });

  it('a code from a newer list is shown as unknown to this version, with the advice to update — never blank', () => {
    expect(topicLabel('999', 'uk', i18next.getFixedT('uk'))).toBe('код 999 — невідомий цій версії програми, оновіть програму');
    expect(topicLine('999', 'en', i18next.getFixedT('en'))).toBe('code 999 — unknown to this version of the app, please update');
    expect(topicLabelBesideCode('999', 'uk', i18next.getFixedT('uk'))).toBe('невідомий цій версії програми, оновіть програму');
  });
});
