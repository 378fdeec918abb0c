import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, queryRegister } from '../../../renderer/features/register/register-query';
import { rowOf, TODAY } from '../../helpers/data/fixtures';

/**
 * Ukrainian letters й, ї, ё-like forms can arrive decomposed (и + U+0306, і + U+0308) from text pasted out of PDFs,
 * macOS documents or scanned letters; people type the precomposed letter. Search must find either way.
 */
describe('search is insensitive to Unicode composition (NFC vs NFD)', () => {
  const decomposed = rowOf({
    id: 'N1',
    applicant: 'Мʼякии\u0306 Олег'.normalize('NFD'),
    address: 'вул. Київська, 1'.normalize('NFD'),
  });
  const composed = rowOf({ id: 'N2', applicant: 'Мʼякий Олег', address: 'вул. Київська, 2' });
  const search = (text: string) =>
    queryRegister([decomposed, composed], { ...EMPTY_FILTER, text }, { key: 'regIndex', dir: 'asc' }, TODAY)
      .map((r) => r.id)
      .sort();

  it.each([
    ["м'який", ['N1', 'N2']],
    ['київська', ['N1', 'N2']],
    ['мʼякии\u0306'.normalize('NFD'), ['N1', 'N2']],
  ])('%j', (text, expected) => {
    expect(search(text)).toEqual(expected);
  });
});
