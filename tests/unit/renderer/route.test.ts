import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routeHash } from '../../../renderer/app/route';

const REGISTER: Route = { name: 'register' };
const ULID = '01HZX3K8Q2M4N6P8R0S2T4V6W8';
/** An appeal id (appealIdFor): a ULID, a dash, its village's tag. */
const APPEAL_ID = `${ULID}-0k3x9aq`;

describe('parseRoute and routeHash', () => {
  it.each<Route>([
    { name: 'register' },
    { name: 'new' },
    { name: 'overview' },
    { name: 'backup' },
    { name: 'setup' },
    { name: 'appeal', id: ULID },
    { name: 'registered', id: ULID },
    { name: 'appeal', id: APPEAL_ID },
    { name: 'registered', id: APPEAL_ID },
    { name: 'print', doc: 'answer', id: APPEAL_ID },
    { name: 'appeal', id: 'a' },
    { name: 'appeal', id: 'x'.repeat(40) },
    { name: 'print', doc: 'card', id: ULID },
    { name: 'print', doc: 'receipt', id: ULID },
    { name: 'print', doc: 'answer', id: ULID },
  ])('round trip of %j', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it.each<[Route, string]>([
    [{ name: 'register' }, '#/register'],
    [{ name: 'new' }, '#/new'],
    [{ name: 'appeal', id: ULID }, `#/appeal/${ULID}`],
    [{ name: 'registered', id: ULID }, `#/registered/${ULID}`],
    [{ name: 'print', doc: 'receipt', id: ULID }, `#/print/receipt/${ULID}`],
  ])('hash of %j', (route, hash) => {
    expect(routeHash(route)).toBe(hash);
  });

  it.each<[string, Route]>([
    ['#/new', { name: 'new' }],
    ['#new', { name: 'new' }],
    ['new', { name: 'new' }],
    ['#/overview', { name: 'overview' }],
    ['#/backup', { name: 'backup' }],
    ['#/setup', { name: 'setup' }],
    [`#/appeal/${ULID}`, { name: 'appeal', id: ULID }],
    [`#/registered/${ULID}`, { name: 'registered', id: ULID }],
    [`#/registered/${APPEAL_ID}`, { name: 'registered', id: APPEAL_ID }],
    [`#/print/card/${APPEAL_ID}`, { name: 'print', doc: 'card', id: APPEAL_ID }],
  ])('parses %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<[string, string]>([
    ['empty hash', ''],
    ['bare #', '#'],
    ['#/', '#/'],
    ['unknown screen', '#/admin'],
    ['upper-case screen', '#/NEW'],
    ['path traversal', '#/appeal/../../x'],
    ['encoded traversal', '#/appeal/..%2F..%2Fx'],
    ['appeal without id', '#/appeal/'],
    ['appeal with an extra segment', `#/appeal/${ULID}/edit`],
    ['id of 41 characters', `#/appeal/${'A'.repeat(41)}`],
    ['very long id', `#/appeal/${'A'.repeat(100_000)}`],
    ['script text', '#/appeal/<script>alert(1)</script>'],
    ['javascript: url', '#/appeal/javascript:alert(1)'],
    ['query string', `#/appeal/${ULID}?x=1`],
    ['trailing newline', `#/appeal/${ULID}\n`],
    ['leading space', `#/appeal/ ${ULID}`],
    ['Cyrillic id', '#/appeal/АБВ'],
    ['null byte', `#/appeal/${ULID}\u0000`],
    ['unknown route with an id', `#/delete/${ULID}`],
    ['unknown print document', `#/print/letter/${ULID}`],
    ['print without a document', `#/print/${ULID}`],
    ['print with an upper-case document', `#/print/CARD/${ULID}`],
    ['print with a traversal id', '#/print/card/../x'],
  ])('%s falls back to the register', (_name, hash) => {
    expect(parseRoute(hash)).toEqual(REGISTER);
  });

  it('any hash parses to a known route whose id is 1–40 Latin letters, digits or dashes, and stays put on a round trip', () => {
    const hashArb = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `#/appeal/${s}`),
      fc.string({ maxLength: 60 }).map((s) => `#/registered/${s}`),
      fc.stringMatching(/^[0-9A-Za-z-]{1,60}$/).map((s) => `#/appeal/${s}`),
      fc
        .tuple(fc.constantFrom('card', 'receipt', 'answer', 'x'), fc.string({ maxLength: 60 }))
        .map(([d, s]) => `#/print/${d}/${s}`),
    );
    fc.assert(
      fc.property(hashArb, (hash) => {
        const route = parseRoute(hash);
        expect(['register', 'new', 'overview', 'backup', 'appeal', 'registered', 'setup', 'print']).toContain(route.name);
        if (route.name === 'appeal' || route.name === 'registered' || route.name === 'print')
          expect(route.id).toMatch(/^[0-9A-Za-z-]{1,40}$/);
        expect(parseRoute(routeHash(route))).toEqual(route);
      }),
      { numRuns: 500 },
    );
  });
});
