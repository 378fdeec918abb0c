/**
 * The generated validate_doc_update, evaluated in Node without a server: it must be ES5 (CouchDB's JS engines), and
 * its decisions follow the shared rules for every role and event kind. The same function then runs on the server in
 * validation.test.ts.
 */
import { parse } from 'acorn';
import { describe, expect, test } from 'vitest';
import { designDoc } from '../../../shared/couch/design-docs';
import { communityNames, ID_PREFIX } from '../../../shared/couch/names';
import { RECORD_REVISION } from '../../../shared/couch/record-revision';
import { type DbScope, VILLAGE_CODE_PATTERN, validateDocUpdateSource } from '../../../shared/couch/validate-doc-update';
import type { Role } from '../../../shared/domain/appeal/appeal.types';
import { EVENT_KINDS } from '../../../shared/domain/events/event.types';
import { appealIdFor, villageTag } from '../../../shared/domain/indexes/appeal-id';
import {
  COLLECTIVE_LETTER,
  formatRegIndex,
  isVillageCode,
  MAX_WORKSTATION,
  parseRegIndex,
  UNSIGNED_LETTER,
} from '../../../shared/domain/indexes/reg-index';
import { COUNCIL_EVENT_KINDS, canWriteEvent } from '../../../shared/domain/permissions/permissions';
import { appealDoc, eventDoc, fileRecord, statusDoc } from '../../helpers/couch/fixtures';
import { withRecordRevision } from '../../helpers/couch/records';

type Ctx = { name: string | null; roles: string[] };
type Verdict = 'ok' | { forbidden: string } | { unauthorized: string };

const RECORD_PREFIXES = [ID_PREFIX.appeal, ID_PREFIX.event, ID_PREFIX.file];

/**
 * An appeal, event or file as the app pushes it: with the record revision, unless the test names a `_rev` of its own
 * (`_rev: undefined` for an interactive write without one). Other documents as they are.
 */
function asPushed(doc: unknown): unknown {
  const d = doc as { _id?: unknown };
  const isRecord = typeof d._id === 'string' && RECORD_PREFIXES.some((prefix) => String(d._id).startsWith(prefix));
  return isRecord && !('_rev' in d) ? withRecordRevision(d) : doc;
}

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
      fn(structuredClone(asPushed(newDoc)), oldDoc === null ? null : structuredClone(oldDoc), ctx, {});
      return 'ok';
    } catch (error) {
      return error as Verdict;
    }
  };
}

// Roles as add-user gives them, in a community of its own; a second community's users are strangers here.
const COMMUNITY = 'hlybotska';
const names = communityNames(COMMUNITY);
const other = communityNames('zarichanska');
const admin: Ctx = { name: 'admin', roles: ['_admin'] };
const starosta = (code: string): Ctx => ({ name: `s-${code}`, roles: [names.villageRole(code), names.starostaRole] });
const clerk = (code: string): Ctx => ({ name: `c-${code}`, roles: [names.villageRole(code), names.clerkRole] });
const central: Ctx = { name: 'rada', roles: [names.centralRole] };

describe('generated source', () => {
  test.each([
    { kind: 'central', community: COMMUNITY } as const,
    { kind: 'village', community: COMMUNITY, code: 'hlyboke' } as const,
  ])('validate_doc_update, filters and views of $kind parse as ES5', (scope) => {
    const ddoc = designDoc(scope);
    const sources = [ddoc.validate_doc_update, ...Object.values(ddoc.filters), ...Object.values(ddoc.views).map((v) => v.map)];
    for (const source of sources) {
      expect(() => parse(`(${source})`, { ecmaVersion: 5 }), source.slice(0, 80)).not.toThrow();
    }
  });

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
  const validate = validator({ kind: 'village', community: COMMUNITY, code: 'hlyboke' });
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

  test('write-once for users: only the record revision passes; any other, or none (an interactive write), is refused even where CouchDB passes no oldDoc', () => {
    // `_bulk_docs` with `new_edits: false` and a made-up branch reaches the function with oldDoc = null on CouchDB.
    // The record revision itself passes here: CouchDB ignores it when the record is already stored.
    const refusal = { forbidden: expect.stringContaining(`The record must come with the revision ${RECORD_REVISION}`) };
    const byClerk = appealDoc('hlyboke', 'clerk');
    for (const [doc, ctx] of [
      [appeal, starosta('hlyboke')],
      [byClerk, clerk('hlyboke')],
      [appeal, central],
    ] as const) {
      expect(validate({ ...doc, _rev: RECORD_REVISION }, null, ctx)).toBe('ok');
      expect(validate({ ...doc, _rev: undefined }, null, ctx)).toEqual(refusal);
      expect(validate({ ...doc, _rev: `1-${'a'.repeat(32)}`, surname: 'Інший' }, null, ctx)).toEqual(refusal);
      expect(validate({ ...doc, _rev: `2-${'2'.repeat(32)}`, surname: 'Інший' }, null, ctx)).toEqual(refusal);
    }
    // The very same content on a branch of its own is refused too: a user writes no revision but the record's.
    expect(validate({ ...appeal, _rev: `1-${'0'.repeat(32)}` }, null, starosta('hlyboke'))).toEqual(refusal);
    const answered = eventDoc('hlyboke', appeal.id, 'answered', 'central');
    const asComment = { ...eventDoc('hlyboke', appeal.id, 'comment', 'starosta'), _id: answered._id, id: answered.id };
    expect(validate(asComment, null, starosta('hlyboke'))).toBe('ok');
    expect(validate({ ...asComment, _rev: `1-${'a'.repeat(32)}` }, null, starosta('hlyboke'))).toEqual(refusal);
    // Given the stored record as oldDoc (an update of it), a user is refused whatever the revision.
    expect(validate({ ...appeal, _rev: RECORD_REVISION }, { ...appeal, _rev: RECORD_REVISION }, starosta('hlyboke'))).toEqual({
      forbidden: expect.stringContaining('never changed'),
    });
  });

  test('the revision rule binds users only: the admin (the replicator) writes a record with any revision or none', () => {
    for (const rev of [undefined, RECORD_REVISION, `1-${'a'.repeat(32)}`, `2-${'2'.repeat(32)}`]) {
      expect(validate({ ...appeal, _rev: rev }, null, admin), String(rev)).toBe('ok');
    }
  });

  test('users of another community are no writers here, even with the same village code', () => {
    const strangers: Ctx[] = [
      { name: 'z-starosta', roles: [other.villageRole('hlyboke'), other.starostaRole] },
      { name: 'z-rada', roles: [other.centralRole] },
    ];
    for (const ctx of strangers) {
      expect(validate(appeal, null, ctx)).toEqual({ forbidden: expect.stringContaining('No right to write to this database') });
    }
  });

  test('attachments: a chunk carries only its data; no other document carries any, from the admin neither', () => {
    const chunk = {
      _id: 'chunk:01HFILE000001:0',
      type: 'chunk',
      fileId: '01HFILE000001',
      villageId: 'hlyboke',
      n: 0,
      _attachments: { data: { content_type: 'application/pdf', data: 'AQID' } },
    };
    const html = { content_type: 'text/html', data: 'PGI+eDwvYj4=' };
    expect(validate(chunk, null, starosta('hlyboke'))).toBe('ok');
    expect(validate({ ...chunk, _attachments: { ...chunk._attachments, 'x.html': html } }, null, starosta('hlyboke'))).toEqual({
      forbidden: expect.stringContaining('only its data attachment'),
    });
    expect(validate({ ...chunk, _attachments: { 'x.html': html } }, null, admin)).toEqual({
      forbidden: expect.stringContaining('without its data'),
    });
    expect(validate({ ...appeal, _attachments: { 'x.html': html } }, null, admin)).toEqual({
      forbidden: expect.stringContaining('carries no attachments'),
    });
    const event = eventDoc('hlyboke', appeal.id, 'comment', 'starosta');
    expect(validate({ ...event, _attachments: { 'x.html': html } }, null, starosta('hlyboke'))).toEqual({
      forbidden: expect.stringContaining('carries no attachments'),
    });
  });

  test("a chunk's bytes never change: a user's update is refused; the admin passes the same digest only", () => {
    const stub = { content_type: 'application/pdf', revpos: 1, digest: 'md5-Uonfc331cyb83SJZevsfrA==', length: 3, stub: true };
    const stored = {
      _id: 'chunk:01HFILE000002:0',
      _rev: '1-a',
      type: 'chunk',
      fileId: '01HFILE000002',
      villageId: 'hlyboke',
      n: 0,
      _attachments: { data: stub },
    };
    const inline = { data: { content_type: 'application/pdf', data: 'CAgI' } };
    expect(validate({ ...stored, _attachments: inline }, stored, starosta('hlyboke'))).toEqual({
      forbidden: expect.stringContaining('written once'),
    });
    expect(validate({ ...stored, _rev: '1-b' }, stored, admin)).toBe('ok');
    expect(validate({ ...stored, _rev: '1-b', _attachments: { data: { ...stub, digest: 'md5-other' } } }, stored, admin)).toEqual(
      {
        forbidden: expect.stringContaining('File chunks'),
      },
    );
    expect(validate({ ...stored, _rev: '1-b', _attachments: inline }, stored, admin)).toEqual({
      forbidden: expect.stringContaining('File chunks'),
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

describe("an appeal's registration index belongs to its own village", () => {
  const inVillage = validator({ kind: 'village', community: COMMUNITY, code: 'hlyboke' });
  const inCentral = validator({ kind: 'central', community: COMMUNITY });
  const withIndex = (villageId: string, regIndex: string) =>
    appealDoc(villageId, villageId === 'central' ? 'central' : 'starosta', { regIndex });

  // Every kind of letter the app puts into an index (indexLetter): Ukrainian, Latin, one kept lower-case because its
  // upper case is two letters (ŉ, ß), an astral letter (a surrogate pair), КО and БП; workstations 1–99; long numbers.
  const letters = [...'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ', 'Q', 'ŉ', 'ß', 'Ω', '𝐀', COLLECTIVE_LETTER, UNSIGNED_LETTER];
  const accepted = [
    ...letters.map((letter, i) => ({ villageId: 'hlyboke', workstation: 1 + i, letter, seq: 1 + i })),
    { villageId: 'hlyboke', workstation: MAX_WORKSTATION, letter: 'Б', seq: Number.MAX_SAFE_INTEGER },
    { villageId: 'nova_selyshche2', workstation: 10, letter: 'Є', seq: 17 },
    { villageId: 'central', workstation: 1, letter: 'К', seq: 3 },
  ];

  test.each(accepted)('$villageId, workstation $workstation, letter $letter, seq $seq: what the app formats passes', (p) => {
    const regIndex = formatRegIndex({ villageCode: p.villageId, workstation: p.workstation, letter: p.letter, seq: p.seq });
    expect(parseRegIndex(regIndex)).not.toBeNull();
    const validate =
      p.villageId === 'central' ? inCentral : validator({ kind: 'village', community: COMMUNITY, code: p.villageId });
    const ctx = p.villageId === 'central' ? central : starosta(p.villageId);
    expect(validate(withIndex(p.villageId, regIndex), null, ctx)).toBe('ok');
    expect(validate(withIndex(p.villageId, regIndex), null, admin)).toBe('ok');
  });

  test.each([
    { villageId: 'hlyboke', regIndex: 'ZARICHNE.1-Б-1', why: 'does not belong' },
    { villageId: 'hlyboke', regIndex: 'CENTRAL.1-Б-1', why: 'does not belong' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKEX.1-Б-1', why: 'does not belong' },
    { villageId: 'hlyboke', regIndex: 'hlyboke.1-Б-1', why: 'does not belong' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE1-Б-1', why: 'does not belong' },
    { villageId: 'hlyboke', regIndex: '1-Б-1', why: 'does not belong' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.0-Б-1', why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: `HLYBOKE.${MAX_WORKSTATION + 1}-Б-1`, why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.01-Б-1', why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.1-Б-0', why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.1--1', why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.1-БВГ-1', why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.1-7-1', why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.1-Б-1 ', why: 'Invalid registration index' },
    { villageId: 'hlyboke', regIndex: 'HLYBOKE.1-Б-1.ZARICHNE', why: 'Invalid registration index' },
    { villageId: 'central', regIndex: 'HLYBOKE.1-Б-1', why: 'does not belong' },
  ])('$villageId with $regIndex: refused ($why), for its own users and the admin alike', ({ villageId, regIndex, why }) => {
    const validate = villageId === 'central' ? inCentral : inVillage;
    const writers: [Role, Ctx][] =
      villageId === 'central'
        ? [
            ['central', central],
            ['central', admin],
          ]
        : [
            ['starosta', starosta(villageId)],
            ['clerk', clerk(villageId)],
            ['starosta', admin],
          ];
    for (const [role, ctx] of writers) {
      const verdict = validate(appealDoc(villageId, role, { regIndex }), null, ctx);
      expect(verdict, `${ctx.name}`).toEqual({ forbidden: expect.stringContaining(why) });
      // Ukrainian first, then English, each naming the index.
      const [uk, en] = (verdict as { forbidden: string }).forbidden.split(' / ');
      expect(uk).toMatch(/^(Реєстраційний індекс|Неправильний реєстраційний індекс) /);
      expect(uk).toContain(regIndex);
      expect(en).toContain(regIndex);
    }
  });

  test('a village appeal in the central database keeps its village prefix there', () => {
    expect(inCentral(withIndex('zarichne', 'ZARICHNE.2-КО-5'), null, central)).toBe('ok');
    expect(inCentral(withIndex('zarichne', 'HLYBOKE.2-КО-5'), null, admin)).toEqual({
      forbidden: expect.stringContaining('does not belong to the village zarichne'),
    });
  });
});

describe("an appeal id carries its village: the appeal's own, an event's and a file's appealId", () => {
  const inVillage = validator({ kind: 'village', community: COMMUNITY, code: 'hlyboke' });
  const inCentral = validator({ kind: 'central', community: COMMUNITY });
  const ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  const own = appealIdFor(ULID, 'hlyboke');
  const tag = villageTag('hlyboke');
  const fileOf = (villageId: string, appealId: string) => ({
    _id: `${ID_PREFIX.file}01HFILE`,
    ...fileRecord(villageId, appealId, '01HFILE'),
  });

  // The appeal's own id in hlyboke's database, from its starosta and from the admin alike (structure).
  test.each([
    { id: own, ok: true, why: "the village's own tag" },
    { id: appealIdFor('01BX5ZZKBKACTAV9WEVGEMMVRZ', 'hlyboke'), ok: true, why: 'another ULID, same village' },
    { id: appealIdFor(ULID, 'zarichne'), ok: false, why: "another village's tag" },
    { id: appealIdFor(ULID, 'central'), ok: false, why: "the council's tag" },
    { id: ULID, ok: false, why: 'a bare ULID (the old form)' },
    { id: `${ULID}-`, ok: false, why: 'an empty tag' },
    { id: `${ULID}-${tag.toUpperCase()}`, ok: false, why: 'an upper-case tag' },
    { id: `${ULID}_${tag}`, ok: false, why: 'another separator' },
    { id: `${ULID}-${tag}0`, ok: false, why: 'a tag of 8' },
    { id: `${ULID.slice(1)}-${tag}`, ok: false, why: 'a ULID of 25' },
    { id: `0${ULID}-${tag}`, ok: false, why: 'a ULID of 27' },
    { id: `${ULID.toLowerCase()}-${tag}`, ok: false, why: 'a lower-case ULID' },
    { id: `01ARZ3NDEKTSV4RRFFQ69G5FAI-${tag}`, ok: false, why: 'a letter no ULID has (I)' },
    { id: `x-${tag}`, ok: false, why: 'no ULID' },
  ])('appeal id $id ($why): ok=$ok', ({ id, ok }) => {
    const doc = appealDoc('hlyboke', 'starosta', { id });
    for (const ctx of [starosta('hlyboke'), admin]) {
      const verdict = inVillage(doc, null, ctx);
      if (ok) expect(verdict, ctx.name ?? '').toBe('ok');
      else {
        expect(verdict, ctx.name ?? '').toEqual({
          forbidden: `Ідентифікатор звернення ${id} не належить селу hlyboke: він має закінчуватися на -${tag} / The appeal id ${id} does not belong to the village hlyboke: it must end with -${tag}`,
        });
      }
    }
  });

  // An event's and a file's appealId, written by hlyboke's starosta in its database and by the council in its own.
  test.each([
    { appealId: own, ok: true, why: "hlyboke's appeal" },
    { appealId: appealIdFor(ULID, 'zarichne'), ok: false, why: "zarichne's appeal" },
    { appealId: appealIdFor(ULID, 'central'), ok: false, why: "the council's own appeal" },
    { appealId: ULID, ok: false, why: 'a bare ULID' },
    { appealId: `${ULID}-${tag}x`, ok: false, why: 'a character after the tag' },
    { appealId: tag, ok: false, why: 'the tag alone' },
    { appealId: `-${tag}`, ok: false, why: 'the tag without its ULID' },
    { appealId: `${ULID.slice(1)}-${tag}`, ok: false, why: 'a ULID of 25' },
    { appealId: '', ok: false, why: 'empty' },
  ])('event and file appealId $appealId ($why): ok=$ok', ({ appealId, ok }) => {
    const event = eventDoc('hlyboke', appealId, 'comment', 'starosta');
    const file = fileOf('hlyboke', appealId);
    const councils = eventDoc('hlyboke', appealId, 'answered', 'central');
    const verdicts = [
      inVillage(event, null, starosta('hlyboke')),
      inVillage(event, null, admin),
      inVillage(file, null, starosta('hlyboke')),
      inCentral(file, null, central),
      inCentral(councils, null, central),
      inCentral(councils, null, admin),
    ];
    for (const verdict of verdicts) {
      if (ok) expect(verdict).toBe('ok');
      else
        expect(verdict).toEqual({
          forbidden: expect.stringContaining(
            `The appeal id ${appealId} does not belong to the village hlyboke: it must end with -${tag}`,
          ),
        });
    }
  });

  test("the council's event about a village's appeal carries that village's villageId, so the rule holds for it", () => {
    const zarichne = appealIdFor(ULID, 'zarichne');
    expect(inCentral(eventDoc('zarichne', zarichne, 'answered', 'central'), null, central)).toBe('ok');
    expect(inCentral(eventDoc('central', zarichne, 'answered', 'central'), null, central)).toEqual({
      forbidden: expect.stringContaining('does not belong to the village central'),
    });
    expect(inCentral(eventDoc('central', appealIdFor(ULID, 'central'), 'answered', 'central'), null, central)).toBe('ok');
  });
});

describe('decisions in the central database', () => {
  const validate = validator({ kind: 'central', community: COMMUNITY });

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
