import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../../renderer/data/database';
import { CouchClient } from '../../../renderer/data/sync/couch-client';
import {
  couchErrorBody,
  diagnoseLogin,
  type LoginAnswer,
  LoginError,
  type LoginProblem,
  type ProbeOutcome,
} from '../../../renderer/data/sync/sync-failure';
import { SyncService } from '../../../renderer/data/sync/sync-service';

// What CouchDB 3.4.3 answers `POST /_session`, measured.
const WRONG = { error: 'unauthorized', reason: 'Name or password is incorrect.' };
const LOCKED = { error: 'forbidden', reason: 'Account is temporarily locked due to multiple authentication failures' };

type Row = [string, LoginAnswer['failure'], ProbeOutcome, LoginAnswer['body'], LoginProblem];

const TABLE: Row[] = [
  ['nothing answers the request nor the probe (no network, server off)', 'network', 'silent', null, 'unreachable'],
  ['the probe gets an opaque answer: CORS refuses this origin', 'network', 'answered', null, 'refused'],
  ['no answer within our timeout', 'timeout', 'not-run', null, 'unreachable'],
  ['401 unauthorized: wrong name or password', 401, 'not-run', WRONG, 'wrongPassword'],
  ['403 with the lockout reason, even for the right password', 403, 'not-run', LOCKED, 'locked'],
  ['403 forbidden for another reason', 403, 'not-run', { error: 'forbidden', reason: 'no' }, 'serverError'],
  ['401 without CouchDB’s body (a proxy’s own password page)', 401, 'not-run', null, 'notCouch'],
  ['200 that is not a session (an HTML page, other JSON)', 200, 'not-run', null, 'notCouch'],
  ['404: every CouchDB has /_session', 404, 'not-run', { error: 'not_found', reason: 'missing' }, 'notCouch'],
  ['405: every CouchDB takes POST at /_session', 405, 'not-run', null, 'notCouch'],
  ['500 from CouchDB', 500, 'not-run', { error: 'unknown_error', reason: 'badarg' }, 'serverError'],
  ['502 HTML from a proxy whose CouchDB is down', 502, 'not-run', null, 'serverError'],
  ['400 bad_request from CouchDB', 400, 'not-run', { error: 'bad_request', reason: 'x' }, 'serverError'],
];

describe('diagnoseLogin', () => {
  it.each(TABLE)('%s', (_what, failure, probe, body, expected) => {
    expect(diagnoseLogin({ failure, probe, body })).toBe(expected);
  });
});

describe('couchErrorBody', () => {
  it('reads CouchDB’s error and reason, and nothing else', () => {
    expect(couchErrorBody(JSON.stringify(LOCKED))).toEqual(LOCKED);
    expect(couchErrorBody('{"error":"unauthorized"}')).toEqual({ error: 'unauthorized' });
    expect(couchErrorBody('<html><body>Router login</body></html>')).toBeNull();
    expect(couchErrorBody('{"hello":"world"}')).toBeNull();
    expect(couchErrorBody('null')).toBeNull();
    expect(couchErrorBody('')).toBeNull();
  });
});

/** A fetch that answers from a list, and remembers what it was asked. */
function scriptedFetch(...answers: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return next;
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('CouchClient.login', () => {
  it('returns the session of a login', async () => {
    const { fetchImpl } = scriptedFetch(json(200, { ok: true, name: 'olena', roles: ['ov:c1:village:a'] }));
    const client = new CouchClient('http://couch:5984/', { kind: 'cookie' }, fetchImpl);
    expect(await client.login('olena', 'pw')).toEqual({ name: 'olena', roles: ['ov:c1:village:a'] });
  });

  it.each([
    [401, WRONG],
    [403, LOCKED],
  ])('sends one request and never retries a %i (CouchDB counts each refused password)', async (status, body) => {
    const { fetchImpl, calls } = scriptedFetch(json(status, body));
    const client = new CouchClient('http://couch:5984', { kind: 'cookie' }, fetchImpl);
    const error = await client.login('olena', 'pw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).answer).toEqual({ failure: status, body });
    expect(calls.map((c) => [c.url, c.init.method])).toEqual([['http://couch:5984/_session', 'POST']]);
  });

  it('tells no answer (a TypeError, as a dead network and CORS both give) from our own timeout', async () => {
    const network = scriptedFetch(new TypeError('Failed to fetch'));
    const offline = await new CouchClient('http://couch:5984', { kind: 'cookie' }, network.fetchImpl)
      .login('olena', 'pw')
      .catch((e: unknown) => e);
    expect((offline as LoginError).answer).toEqual({ failure: 'network', body: null });
    expect((offline as LoginError).failure.kind).toBe('offline');

    const slow = scriptedFetch(new DOMException('signal timed out', 'TimeoutError'));
    const late = await new CouchClient('http://couch:5984', { kind: 'cookie' }, slow.fetchImpl)
      .login('olena', 'pw')
      .catch((e: unknown) => e);
    expect((late as LoginError).answer).toEqual({ failure: 'timeout', body: null });
  });

  it('takes a 200 that is not a session for what it is: not CouchDB', async () => {
    const { fetchImpl } = scriptedFetch(new Response('<html>Router</html>', { status: 200 }));
    const error = await new CouchClient('http://router', { kind: 'cookie' }, fetchImpl).login('a', 'b').catch((e: unknown) => e);
    expect((error as LoginError).answer).toEqual({ failure: 200, body: null });
  });
});

describe('CouchClient.answersAtAll', () => {
  it('asks the root without CORS, credentials or password, and reports whether anything answered', async () => {
    const { fetchImpl, calls } = scriptedFetch(new Response(null, { status: 200 }), new TypeError('Failed to fetch'));
    const client = new CouchClient('http://couch:5984', { kind: 'basic', username: 'olena', password: 'pw' }, fetchImpl);
    expect(await client.answersAtAll()).toBe(true);
    expect(await client.answersAtAll()).toBe(false);
    expect(calls[0]?.url).toBe('http://couch:5984/');
    expect(calls[0]?.init).toMatchObject({ mode: 'no-cors', credentials: 'omit' });
    expect(calls[0]?.init.headers).toBeUndefined();
  });
});

describe('SyncService.login in a browser page', () => {
  const input = { serverUrl: 'http://couch.example:5984/', username: 'olena', password: 'pw' };
  const service = () => new SyncService({} as AppDatabase, 'test');

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function serverAnswers(...answers: (Response | Error)[]) {
    const scripted = scriptedFetch(...answers);
    vi.stubGlobal('fetch', scripted.fetchImpl);
    vi.stubGlobal('location', { origin: 'https://rada.example.ua', reload: () => undefined });
    return scripted.calls;
  }

  it('says a wrong password in the words it always had, after one request', async () => {
    const calls = serverAnswers(json(401, WRONG));
    expect(await service().login(input, null)).toEqual({
      ok: false,
      message: { uk: 'Невірне ім’я користувача або пароль', en: 'Wrong user name or password' },
    });
    expect(calls).toHaveLength(1);
  });

  it('says until when the account is locked, and that the lock lifts by itself', async () => {
    vi.useFakeTimers({ now: new Date(2026, 2, 10, 14, 30, 10), toFake: ['Date'] });
    const calls = serverAnswers(json(403, LOCKED));
    const result = await service().login(input, null);
    expect(result).toMatchObject({ ok: false, lockedUntil: new Date(2026, 2, 10, 14, 35, 10).getTime() });
    if (result.ok) throw new Error('unexpected login');
    expect(result.message.uk).toContain('не пізніше ніж о 14:35');
    expect(result.message.uk).toContain('через 5 хвилин');
    expect(result.message.en).toContain('by 14:35 at the latest');
    expect(calls).toHaveLength(1);
  });

  it('probes once after a network failure: an answer means the server refuses this origin, and names the fix', async () => {
    const calls = serverAnswers(new TypeError('Failed to fetch'), new Response(null, { status: 200 }));
    const result = await service().login(input, null);
    if (result.ok) throw new Error('unexpected login');
    expect(result.message.uk).toContain('npm run admin -- setup --community <код громади> --web-origin https://rada.example.ua');
    expect(result.message.en).toContain(
      'npm run admin -- setup --community <community code> --web-origin https://rada.example.ua',
    );
    expect(calls.map((c) => c.init.mode ?? 'cors')).toEqual(['cors', 'no-cors']);

    // A PC that knows its community names it in the command.
    serverAnswers(new TypeError('Failed to fetch'), new Response(null, { status: 200 }));
    const profile = {
      role: 'starosta',
      villageCode: 'a',
      villageName: 'A',
      workstation: 1,
      operatorName: 'X',
      communityCode: 'hlyb',
    } as const;
    const again = await service().login(input, profile);
    if (again.ok) throw new Error('unexpected login');
    expect(again.message.en).toContain('setup --community hlyb --web-origin https://rada.example.ua');
  });

  it('says nothing answers when the probe gets no answer either', async () => {
    serverAnswers(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const result = await service().login(input, null);
    if (result.ok) throw new Error('unexpected login');
    expect(result.message.uk).toContain('Сервер ради за адресою http://couch.example:5984 не відповідає');
  });

  it('says an address is not CouchDB when it answers something else', async () => {
    serverAnswers(new Response('<!doctype html><title>Router</title>', { status: 200 }));
    const result = await service().login(input, null);
    if (result.ok) throw new Error('unexpected login');
    expect(result.message.uk).toContain('відповідає не сервер бази даних ради (CouchDB)');
  });
});
