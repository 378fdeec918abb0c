import { describe, expect, it } from 'vitest';
import { guardConsole } from '../../../renderer/app/console-guard';

/** A console that records what it was given. */
function recordingConsole() {
  const lines: unknown[][] = [];
  const record =
    () =>
    (...args: unknown[]) =>
      void lines.push(args);
  return { lines, target: { error: record(), warn: record(), log: record(), info: record(), debug: record() } };
}

const RECORD = {
  surname: 'Шевчук',
  givenName: 'Оксана',
  address: 'вул. Садова, 3',
  phone: '+380671234567',
  text: 'Прошу допомогти',
};
const PERSONAL = /Шевчук|Оксана|Садова|380671234567|Прошу/;

describe('the built renderer’s console', () => {
  it('prints an error that carries a record (as RxDB and the sync make them) by name, code and its own words only', () => {
    const { lines, target } = recordingConsole();
    guardConsole(target);
    const rxError = Object.assign(new Error(`Document update conflict\nParameters: ${JSON.stringify({ document: RECORD })}`), {
      code: 'CONFLICT',
      parameters: { document: RECORD },
    });
    const couchBody = { status: 403, error: 'forbidden', reason: `invalid record ${JSON.stringify(RECORD)}`, docs: [RECORD] };
    target.warn('sync: replication error', rxError);
    target.error('outbox row not written', 'appeal:7f3a', couchBody);
    target.warn('files: image not downscaled', 'Шевчук паспорт.jpg', new TypeError('decode failed'));
    target.log(RECORD);
    const printed = JSON.stringify(lines);
    expect(printed).not.toMatch(PERSONAL);
    expect(lines).toEqual([
      ['sync: replication error', 'Error [CONFLICT]: Document update conflict'],
      ['outbox row not written', 'appeal:7f3a', '[403] [forbidden]: invalid record [body dropped]'],
      ['files: image not downscaled', '[text]', 'TypeError: decode failed'],
      ['[object]'],
    ]);
  });
});
