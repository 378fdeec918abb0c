/**
 * The generated validate_doc_update, evaluated in Node without a server: it must be ES5 (CouchDB's JS engines), and
 * its decisions follow the shared rules for every role and event kind. The same function then runs on the server in
 * validation.test.ts.
 */
import { parse } from 'acorn';
import { describe, expect, test } from 'vitest';
import { designDoc } from '../../../shared/couch/design-docs';
import { CENTRAL_ROLE, STAROSTA_ROLE, villageRole } from '../../../shared/couch/names';
import { type DbScope, VILLAGE_CODE_PATTERN, validateDocUpdateSource } from '../../../shared/couch/validate-doc-update';
import type { Role } from '../../../shared/domain/appeal/appeal.types';
import { EVENT_KINDS } from '../../../shared/domain/events/event.types';
import { isVillageCode } from '../../../shared/domain/indexes/reg-index';
import { COUNCIL_EVENT_KINDS, canWriteEvent } from '../../../shared/domain/permissions/permissions';
import { appealDoc, eventDoc, statusDoc } from '../../helpers/couch/fixtures';

type Ctx = { name: string | null; roles: string[] };
type Verdict = 'ok' | { forbidden: string } | { unauthorized: string };

function validator(scope: DbScope) {
  // CouchDB compiles the source as an anonymous function expression; so does this.
  const fn = new Function(`return (${validateDocUpdateSource(scope)});`)() as (
    n: unknown,
    o: unknown,
    u: Ctx,
    s: unknown,
  ) => void;
  return (newDoc: unknown, oldDoc: unknown, ctx: Ctx): Verdict => {
    try {
      fn(structuredClone(newDoc), oldDoc === null ? null : structuredClone(oldDoc), ctx, {});
      return 'ok';
    } catch (error) {
      return error as Verdict;
    }
  };
}

const admin: Ctx = { name: 'admin', roles: ['_admin'] };
const starosta = (code: string): Ctx => ({ name: `s-${code}`, roles: [villageRole(code), STAROSTA_ROLE] });
const clerk = (code: string): Ctx => ({ name: `c-${code}`, roles: [villageRole(code)] });
const central: Ctx = { name: 'rada', roles: [CENTRAL_ROLE] };

describe('generated source', () => {
  test.each([{ kind: 'central' } as const, { kind: 'village', code: 'hlyboke' } as const])(
    'validate_doc_update, filters and views of $kind parse as ES5',
    (scope) => {
      const ddoc = designDoc(scope);
      const sources = [ddoc.validate_doc_update, ...Object.values(ddoc.filters), ...Object.values(ddoc.views).map((v) => v.map)];
      for (const source of sources) {
        expect(() => parse(`(${source})`, { ecmaVersion: 5 }), source.slice(0, 80)).not.toThrow();
      }
    },
  );

  test('the village code pattern agrees with isVillageCode', () => {
    const samples = [
      'hlyboke',
      'nova_selyshche2',
      'a',
      'ab',
      'Ab',
      '1ab',
      'a-b',
      'abcdefghijklmnopqrst',
      'abcdefghijklmnopqrstu',
      'центр',
      '',
    ];
    for (const s of samples) expect(new RegExp(VILLAGE_CODE_PATTERN).test(s), s).toBe(isVillageCode(s));
  });
});

describe('decisions in a village database', () => {
  const validate = validator({ kind: 'village', code: 'hlyboke' });
  const appeal = appealDoc('hlyboke');

  test('its starosta registers its appeal; anonymous is unauthorized; another village is forbidden', () => {
    expect(validate(appeal, null, starosta('hlyboke'))).toBe('ok');
    expect(validate(appeal, null, { name: null, roles: [] })).toHaveProperty('unauthorized');
    expect(validate(appeal, null, starosta('zarichne'))).toHaveProperty('forbidden');
  });

  test('a document of another village is refused even from the admin (the replicator)', () => {
    const foreign = appealDoc('zarichne');
    expect(validate(foreign, null, starosta('hlyboke'))).toHaveProperty('forbidden');
    expect(validate(foreign, null, admin)).toEqual({ forbidden: expect.stringContaining('another village') });
  });

  test.each(EVENT_KINDS.flatMap((kind) => (['starosta', 'clerk', 'central'] as Role[]).map((role) => ({ kind, role }))))(
    '$role writing $kind follows the permission matrix',
    ({ kind, role }) => {
      const ctx = role === 'central' ? central : role === 'starosta' ? starosta('hlyboke') : clerk('hlyboke');
      const verdict = validate(eventDoc('hlyboke', appeal.id, kind, role), null, ctx);
      expect(verdict === 'ok').toBe(canWriteEvent(role, kind));
      if (role !== 'central' && COUNCIL_EVENT_KINDS.includes(kind)) {
        expect(verdict).toEqual({ forbidden: expect.stringContaining('central office records') });
      }
    },
  );

  test("the central office carries records a village wrote (transfer file), still bound to that role's kinds", () => {
    expect(validate(appeal, null, central)).toBe('ok');
    expect(validate(eventDoc('hlyboke', appeal.id, 'forwarded', 'starosta'), null, central)).toBe('ok');
    expect(validate(eventDoc('hlyboke', appeal.id, 'comment', 'clerk'), null, central)).toBe('ok');
    expect(validate(eventDoc('hlyboke', appeal.id, 'answered', 'starosta'), null, central)).toEqual({
      forbidden: expect.stringContaining('may not record answered'),
    });
    expect(validate(eventDoc('hlyboke', appeal.id, 'returned-incomplete', 'clerk'), null, central)).toHaveProperty('forbidden');
  });

  test('a user cannot claim a role they do not have', () => {
    expect(validate(eventDoc('hlyboke', appeal.id, 'answered', 'central'), null, starosta('hlyboke'))).toHaveProperty(
      'forbidden',
    );
    expect(validate(eventDoc('hlyboke', appeal.id, 'returned-incomplete', 'starosta'), null, clerk('hlyboke'))).toHaveProperty(
      'forbidden',
    );
    expect(validate(appealDoc('hlyboke', 'central'), null, starosta('hlyboke'))).toHaveProperty('forbidden');
  });

  test('write-once: the same content passes, any change or deletion is refused, for the admin too', () => {
    const stored = { ...appeal, _rev: '1-a' };
    expect(validate({ ...appeal, _rev: '1-b' }, stored, admin)).toBe('ok');
    expect(validate({ ...appeal, _rev: '1-a', note: 'змінено' }, stored, starosta('hlyboke'))).toEqual({
      forbidden: expect.stringContaining('written once'),
    });
    expect(validate({ ...appeal, note: 'змінено' }, stored, admin)).toHaveProperty('forbidden');
    expect(validate({ _id: appeal._id, _rev: '1-a', _deleted: true }, stored, admin)).toEqual({
      forbidden: expect.stringContaining('never deleted'),
    });
  });

  test('structure: a missing field, a wrong type, an over-long text, a mismatched id, an unknown kind', () => {
    const { regIndex: _omitted, ...noIndex } = appeal;
    expect(validate(noIndex, null, starosta('hlyboke'))).toEqual({ forbidden: expect.stringContaining('regIndex: required') });
    expect(validate({ ...appeal, regSeq: '1' }, null, admin)).toEqual({ forbidden: expect.stringContaining('regSeq: integer') });
    expect(validate({ ...appeal, issues: [{ topicCode: '01', text: 5 }] }, null, admin)).toEqual({
      forbidden: expect.stringContaining('issues.0.text: string'),
    });
    expect(validate({ ...appeal, surname: 'я'.repeat(1001) }, null, admin)).toEqual({
      forbidden: expect.stringContaining('surname: maxLength 1000'),
    });
    expect(validate({ ...appeal, _id: 'appeal:other' }, null, admin)).toEqual({
      forbidden: expect.stringContaining('id does not match'),
    });
    expect(validate({ ...eventDoc('hlyboke', appeal.id, 'comment', 'starosta'), kind: 'deleted' }, null, admin)).toEqual({
      forbidden: expect.stringContaining('Unknown event kind'),
    });
    expect(validate({ _id: 'note:1', villageId: 'hlyboke' }, null, admin)).toEqual({
      forbidden: expect.stringContaining('Unknown kind'),
    });
  });

  test('status: its own village writes and updates it; the central office may not', () => {
    const status = statusDoc('hlyboke', '2026-11-27T10:00:00.000Z', 3);
    expect(validate(status, null, clerk('hlyboke'))).toBe('ok');
    expect(validate({ ...status, pending: 0 }, { ...status, _rev: '1-a' }, starosta('hlyboke'))).toBe('ok');
    expect(validate(status, null, central)).toHaveProperty('forbidden');
    expect(validate({ ...status, pending: -1 }, null, clerk('hlyboke'))).toEqual({
      forbidden: expect.stringContaining('pending: minimum 0'),
    });
  });
});

describe('decisions in the central database', () => {
  const validate = validator({ kind: 'central' });

  test('central writes any village; a village user is not a writer here; the registry is admin-only', () => {
    const appeal = appealDoc('zarichne');
    expect(validate(eventDoc('zarichne', appeal.id, 'answered', 'central'), null, central)).toBe('ok');
    // A village's records imported from a transfer file at the council and pushed from there.
    expect(validate(appeal, null, central)).toBe('ok');
    expect(validate(eventDoc('zarichne', appeal.id, 'forwarded', 'starosta'), null, central)).toBe('ok');
    expect(validate(appeal, null, starosta('zarichne'))).toHaveProperty('forbidden');
    expect(validate(appeal, null, admin)).toBe('ok');
    const registry = { _id: 'village:zarichne', type: 'village', code: 'zarichne', name: 'Зарічне' };
    expect(validate(registry, null, admin)).toBe('ok');
    expect(validate(registry, null, central)).toHaveProperty('forbidden');
  });
});
