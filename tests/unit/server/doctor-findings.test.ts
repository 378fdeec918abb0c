/**
 * `doctor`'s conclusions, table-driven: a healthy set of observations, changed one fact at a time, must give exactly the
 * finding (level, code, fix) the rule promises, and the exit code that follows from it.
 */
import { describe, expect, it } from 'vitest';
import { formatFindings } from '../../../server/admin/doctor';
import { doctorExitCode, findingsOf, isLoopback } from '../../../server/admin/doctor-findings';
import { secondsAt256k } from '../../../server/admin/doctor-findings-config';
import { shellQuote } from '../../../server/admin/doctor-fixes';
import { isTlsFailure, PREFLIGHT_HEADERS } from '../../../server/admin/doctor-probe';
import type { DoctorContext, Finding, Observations, ReplicationObservation } from '../../../server/admin/doctor-types';
import { designDoc, securityFor } from '../../../shared/couch/design-docs';
import { communityNames } from '../../../shared/couch/names';
import { DESKTOP_ORIGIN } from '../../../shared/couch/server-settings';
import type { DbScope } from '../../../shared/couch/validate-doc-update';

const WEB = 'https://rada.example.ua';
const CTX: DoctorContext = { base: 'https://couch.rada.example.ua', community: 'hlyb', webOrigins: [WEB] };
const NAMES = communityNames('hlyb');
const VILLAGE = { code: 'hlyboke', name: 'Глибоке' };
const SETUP = `npm run admin -- setup --community hlyb --web-origin ${WEB}`;
const ADD_VILLAGE = "npm run admin -- add-village --community hlyb --code hlyboke --name 'Глибоке'";

function database(scope: DbScope) {
  const db = scope.kind === 'central' ? NAMES.centralDb : NAMES.villageDb(scope.code);
  return {
    db,
    scope,
    ...(scope.kind === 'village' ? { village: VILLAGE } : {}),
    exists: true,
    designDoc: { ...designDoc(scope) } as Record<string, unknown>,
    security: securityFor(scope),
    hasCommunityDoc: true,
    conflicts: [] as { id: string; revs: string[] }[] | null,
  };
}

function job(direction: ReplicationObservation['direction']): ReplicationObservation {
  const id = direction === 'to-central' ? NAMES.toCentralReplicationId('hlyboke') : NAMES.toVillageReplicationId('hlyboke');
  return { village: VILLAGE, id, direction, state: 'running', info: { docWriteFailures: 0, error: null } };
}

const SIZE_LIMITS = { max_document_size: '1048576', max_attachment_size: '1048576' };

/** What a server set up by `setup` and `add-village`, behind a compressing proxy, shows. */
function healthy(): Observations {
  const preflight = (origin: string) => ({
    origin,
    method: 'POST',
    requestHeaders: PREFLIGHT_HEADERS,
    status: 204,
    allowOrigin: origin,
    allowCredentials: 'true',
    allowMethods: 'GET, HEAD, POST, PUT, DELETE',
  });
  return {
    reach: { kind: 'ok' },
    root: { status: 200, kind: 'couchdb', version: '3.4.3' },
    preflights: [preflight(DESKTOP_ORIGIN), preflight(WEB)],
    anonymous: { root: 401, centralDb: 401, allDbs: 401, users: 401 },
    admin: { kind: 'ok' },
    compression: { path: '/ov-hlyb-central/_design/ov', encoding: 'gzip', wireBytes: 4900, plainBytes: 17_500, gzipBytes: 4900 },
    nodes: [
      {
        node: 'couchdb@10.0.0.5',
        status: 200,
        config: {
          couchdb: { ...SIZE_LIMITS },
          chttpd: { max_http_request_size: '8388608' },
          chttpd_auth: { allow_persistent_cookies: 'false', same_site: 'strict' },
        },
      },
    ],
    villages: [VILLAGE],
    databases: [
      database({ kind: 'central', community: 'hlyb' }),
      database({ kind: 'village', community: 'hlyb', code: 'hlyboke' }),
    ],
    replications: [job('to-central'), job('to-village')],
  };
}

type Expected = Pick<Finding, 'level' | 'code'> & { fix?: string; en?: string | RegExp };

const ROWS: [name: string, change: (o: Observations) => void, expected: Expected, exit: number, ctx?: Partial<DoctorContext>][] =
  [
    [
      'connection refused',
      (o) => {
        o.reach = { kind: 'unreachable', reason: 'ECONNREFUSED' };
      },
      { level: 'error', code: 'unreachable', en: /ECONNREFUSED/ },
      1,
    ],
    [
      'a certificate Node refuses',
      (o) => {
        o.reach = { kind: 'tls', reason: 'CERT_HAS_EXPIRED' };
      },
      { level: 'error', code: 'tls-certificate', en: /CERT_HAS_EXPIRED/ },
      1,
    ],
    ['https with a good certificate', () => {}, { level: 'ok', code: 'tls' }, 0],
    ['http to another computer', () => {}, { level: 'warning', code: 'plain-http' }, 0, { base: 'http://10.0.0.5:5984' }],
    ['http to this computer', () => {}, { level: 'info', code: 'local-address' }, 0, { base: 'http://127.0.0.1:5984' }],
    [
      'a router page, not CouchDB',
      (o) => {
        o.root = { status: 200, kind: null, version: null };
      },
      { level: 'error', code: 'not-couchdb' },
      1,
    ],
    [
      'the demo pouchdb-server',
      (o) => {
        o.root = { status: 200, kind: 'pouchdb-server', version: null };
      },
      { level: 'warning', code: 'demo-server' },
      0,
    ],
    [
      'CouchDB 2.3',
      (o) => {
        o.root = { status: 200, kind: 'couchdb', version: '2.3.1' };
      },
      { level: 'warning', code: 'old-couchdb' },
      0,
    ],
    ['CouchDB 3.4.3', () => {}, { level: 'ok', code: 'couchdb-version', en: 'Server: Apache CouchDB 3.4.3' }, 0],
    [
      'CORS off: the preflight is a plain OPTIONS (405)',
      (o) =>
        void Object.assign(o.preflights[0] ?? {}, { status: 405, allowOrigin: null, allowCredentials: null, allowMethods: null }),
      {
        level: 'error',
        code: 'cors-not-allowed',
        en: /app:\/\/open-village: .*got 405 without Access-Control-Allow-Origin/,
        fix: SETUP,
      },
      1,
    ],
    [
      // A header missing from [cors] headers: CouchDB passes the preflight on, and still adds the allowed origin.
      'a preflight passed on as a request (401 with the origin)',
      (o) => void Object.assign(o.preflights[1] ?? {}, { status: 401, allowMethods: null }),
      {
        level: 'error',
        code: 'cors-not-allowed',
        en: /rada\.example\.ua: .*got 401 with Access-Control-Allow-Origin/,
        fix: SETUP,
      },
      1,
    ],
    [
      'no credentials allowed',
      (o) => void Object.assign(o.preflights[0] ?? {}, { allowCredentials: null }),
      { level: 'error', code: 'cors-not-allowed', en: /Credentials/ },
      1,
    ],
    [
      'DELETE not allowed',
      (o) => void Object.assign(o.preflights[0] ?? {}, { allowMethods: 'GET, POST, PUT' }),
      { level: 'error', code: 'cors-not-allowed', en: /methods DELETE/ },
      1,
    ],
    ['both origins allowed', () => {}, { level: 'ok', code: 'cors-allowed', en: `CORS for ${WEB}: allowed` }, 0],
    [
      'anonymous requests answered',
      (o) => void Object.assign(o.anonymous ?? {}, { root: 200, centralDb: 404 }),
      { level: 'warning', code: 'anonymous-allowed', fix: SETUP },
      0,
    ],
    [
      'the council database public',
      (o) => void Object.assign(o.anonymous ?? {}, { centralDb: 200 }),
      { level: 'error', code: 'central-db-public' },
      1,
    ],
    [
      'a public _users',
      (o) => void Object.assign(o.anonymous ?? {}, { users: 200 }),
      { level: 'error', code: 'users-public' },
      1,
    ],
    [
      'a public _all_dbs',
      (o) => void Object.assign(o.anonymous ?? {}, { allDbs: 200 }),
      { level: 'warning', code: 'all-dbs-public' },
      0,
    ],
    ['a login for everything', () => {}, { level: 'ok', code: 'login-required' }, 0],
    [
      'wrong admin password',
      (o) => {
        o.admin = { kind: 'refused', status: 401 };
      },
      { level: 'error', code: 'admin-refused' },
      1,
    ],
    [
      'not a server admin',
      (o) => {
        o.admin = { kind: 'not-admin', name: 'rada' };
      },
      { level: 'error', code: 'not-admin', en: /rada/ },
      1,
    ],
    ['compressed by the proxy', () => {}, { level: 'ok', code: 'compression-on', en: /4\.8 KB instead of 17\.1 KB/ }, 0],
    [
      'not compressed',
      (o) => void Object.assign(o.compression ?? {}, { encoding: null, wireBytes: 32_000, plainBytes: 32_000, gzipBytes: 8000 }),
      {
        level: 'warning',
        code: 'compression-off',
        en: /31\.3 KB, 1\.0 s on a 256 kbit\/s link; gzip would make it 7\.8 KB, 0\.3 s \(every MB of data: 33 s instead of 8 s\)/,
      },
      0,
    ],
    [
      'too small to tell',
      (o) => void Object.assign(o.compression ?? {}, { encoding: null, wireBytes: 300, plainBytes: 300 }),
      { level: 'info', code: 'compression-unknown' },
      0,
    ],
    [
      'lockout off',
      (o) => {
        (o.nodes[0]?.config ?? {}).chttpd_auth_lockout = { mode: 'off' };
      },
      {
        level: 'warning',
        code: 'lockout-off',
        fix: `curl -X PUT "$COUCHDB_URL/_node/couchdb%4010.0.0.5/_config/chttpd_auth_lockout/mode" -d '"enforce"'`,
      },
      0,
    ],
    [
      'lockout only warns',
      (o) => {
        (o.nodes[0]?.config ?? {}).chttpd_auth_lockout = { mode: 'warn' };
      },
      { level: 'warning', code: 'lockout-off' },
      0,
    ],
    [
      'the default lockout',
      () => {},
      { level: 'ok', code: 'lockout-on', en: /After 5 failed logins an account locks for 5 min/ },
      0,
    ],
    [
      'size limits missing',
      (o) => {
        (o.nodes[0]?.config ?? {}).couchdb = {};
      },
      { level: 'warning', code: 'size-limits', en: /max_document_size is not set/, fix: SETUP },
      0,
    ],
    [
      'no attachment limit',
      (o) => {
        (o.nodes[0]?.config ?? {}).couchdb = { ...SIZE_LIMITS, max_attachment_size: 'infinity' };
      },
      { level: 'warning', code: 'size-limits', en: /max_attachment_size = infinity, larger than 1048576/ },
      0,
    ],
    [
      'a limit smaller than the app needs',
      (o) => {
        (o.nodes[0]?.config ?? {}).chttpd = { max_http_request_size: '65536' };
      },
      { level: 'warning', code: 'size-limits', en: /65536, smaller than the 8388608 the app needs/ },
      0,
    ],
    ['the size limits of setup', () => {}, { level: 'ok', code: 'size-limits' }, 0],
    [
      'the login cookie of setup',
      () => {},
      { level: 'ok', code: 'session-cookie', en: /until the browser closes, SameSite=Strict/ },
      0,
    ],
    [
      "CouchDB's default login cookie: persistent, no SameSite",
      (o) => {
        (o.nodes[0]?.config ?? {}).chttpd_auth = {};
      },
      {
        level: 'warning',
        code: 'session-cookie',
        en: /allow_persistent_cookies = — \(false\); \[chttpd_auth\] same_site = — \(strict\)/,
        fix: SETUP,
      },
      0,
    ],
    [
      'a lax login cookie',
      (o) => {
        (o.nodes[0]?.config ?? {}).chttpd_auth = { allow_persistent_cookies: 'false', same_site: 'lax' };
      },
      { level: 'warning', code: 'session-cookie', en: /: \[chttpd_auth\] same_site = lax \(strict\); without/ },
      0,
    ],
    [
      'the configuration hidden by a proxy',
      (o) => {
        o.nodes = [{ node: '_local', config: null, status: 403 }];
      },
      { level: 'warning', code: 'config-unreadable' },
      0,
    ],
    [
      'the community not set up',
      (o) => {
        o.databases = [{ ...database({ kind: 'central', community: 'hlyb' }), exists: false }];
        o.villages = null;
        o.replications = [];
      },
      {
        level: 'error',
        code: 'community-not-set-up',
        fix: `npm run admin -- setup --community hlyb --community-name '<назва / name>' --web-origin ${WEB}`,
      },
      1,
    ],
    [
      'CORS off on a server without the community: the fix names the community too (setup needs it the first time)',
      (o) => {
        Object.assign(o.preflights[0] ?? {}, { status: 404, allowOrigin: null });
        o.databases = [{ ...database({ kind: 'central', community: 'hlyb' }), exists: false }];
      },
      {
        level: 'error',
        code: 'cors-not-allowed',
        fix: `npm run admin -- setup --community hlyb --community-name '<назва / name>' --web-origin ${WEB}`,
      },
      1,
    ],
    [
      'a village without its database',
      (o) => void Object.assign(o.databases[1] ?? {}, { exists: false }),
      { level: 'error', code: 'village-db-missing', fix: ADD_VILLAGE },
      1,
    ],
    [
      'no design document in the council database',
      (o) => void Object.assign(o.databases[0] ?? {}, { designDoc: null, conflicts: null }),
      { level: 'error', code: 'design-doc-missing', fix: SETUP },
      1,
    ],
    [
      'an older design document in a village',
      (o) =>
        void Object.assign(o.databases[1] ?? {}, { designDoc: { ...o.databases[1]?.designDoc, views: {} }, conflicts: null }),
      { level: 'error', code: 'design-doc-outdated', en: /\(differs: views\)/, fix: ADD_VILLAGE },
      1,
    ],
    [
      'conflicts not checkable without the view',
      (o) => void Object.assign(o.databases[0] ?? {}, { conflicts: null }),
      { level: 'info', code: 'conflicts-unchecked' },
      0,
    ],
    [
      'empty _security members (open to any logged-in user)',
      (o) => void Object.assign(o.databases[1] ?? {}, { security: {} }),
      {
        level: 'error',
        code: 'security-wrong',
        en: /members —; admins —, should be members ov:hlyb:central, ov:hlyb:village:hlyboke/,
      },
      1,
    ],
    [
      '_security roles in another order',
      (o) =>
        void Object.assign(o.databases[1] ?? {}, {
          security: { members: { roles: ['ov:hlyb:central', 'ov:hlyb:village:hlyboke'] } },
        }),
      { level: 'ok', code: 'databases' },
      0,
    ],
    [
      'no community document',
      (o) => void Object.assign(o.databases[1] ?? {}, { hasCommunityDoc: false }),
      { level: 'error', code: 'community-doc-missing', fix: SETUP },
      1,
    ],
    [
      'a forged branch of an appeal',
      (o) => void Object.assign(o.databases[1] ?? {}, { conflicts: [{ id: 'appeal:01J', revs: ['1-abc'] }] }),
      { level: 'error', code: 'write-once-conflict', en: /In ov-hlyb-v-hlyboke .*appeal:01J \(other version 1-abc\)/ },
      1,
    ],
    [
      'a conflict on a chunk',
      (o) => void Object.assign(o.databases[0] ?? {}, { conflicts: [{ id: 'chunk:f1:0', revs: ['2-x'] }] }),
      { level: 'error', code: 'write-once-conflict' },
      1,
    ],
    // A village's status document is rewritten at every sync: two devices may leave a conflict there, harmlessly.
    [
      'a conflict on a status document only',
      (o) => void Object.assign(o.databases[1] ?? {}, { conflicts: [{ id: 'status:hlyboke', revs: ['3-y'] }] }),
      { level: 'ok', code: 'no-conflicts' },
      0,
    ],
    [
      'a deleted replication',
      (o) => void Object.assign(o.replications[0] ?? {}, { state: 'missing', info: null }),
      {
        level: 'error',
        code: 'replication-missing',
        en: /"Глибоке" \(ov-hlyb-v-hlyboke-to-central, village → council\): not in _replicator/,
        fix: ADD_VILLAGE,
      },
      1,
    ],
    [
      'documents refused by the target',
      (o) => void Object.assign(o.replications[1] ?? {}, { info: { docWriteFailures: 3, error: null } }),
      {
        level: 'error',
        code: 'replication-write-failures',
        en: /"Глибоке" \(ov-hlyb-central-to-hlyboke, council → village\): 3 documents were refused/,
      },
      1,
    ],
    [
      'a crashing job',
      (o) =>
        void Object.assign(o.replications[0] ?? {}, { state: 'crashing', info: { docWriteFailures: 0, error: 'unauthorized' } }),
      { level: 'error', code: 'replication-failing', en: /state crashing: unauthorized/ },
      1,
    ],
    [
      'a job waiting its turn',
      (o) => void Object.assign(o.replications[0] ?? {}, { state: 'pending' }),
      { level: 'warning', code: 'replication-pending' },
      0,
    ],
    [
      'a job starting',
      (o) => void Object.assign(o.replications[0] ?? {}, { state: 'initializing', info: null }),
      { level: 'info', code: 'replication-starting' },
      0,
    ],
    [
      'no checkpoint yet (info: null)',
      (o) => void Object.assign(o.replications[1] ?? {}, { info: null }),
      { level: 'info', code: 'replication-no-figures', en: /ov-hlyb-central-to-hlyboke/ },
      0,
    ],
    ['both jobs running', () => {}, { level: 'ok', code: 'replications', en: 'Replications running (2)' }, 0],
    [
      'no villages yet',
      (o) => {
        o.villages = [];
        o.databases = o.databases.slice(0, 1);
        o.replications = [];
      },
      { level: 'info', code: 'no-villages' },
      0,
    ],
  ];

describe('doctor findings', () => {
  it.each(ROWS)('%s', (_name, change, expected, exit, ctx) => {
    const obs = healthy();
    change(obs);
    const findings = findingsOf({ ...CTX, ...ctx }, obs);
    const found = findings.filter((f) => f.code === expected.code && f.level === expected.level);
    expect(found.length, JSON.stringify(findings, null, 2)).toBeGreaterThan(0);
    const match = found.find((f) =>
      expected.en === undefined ? true : typeof expected.en === 'string' ? f.en === expected.en : expected.en.test(f.en),
    );
    expect(match, JSON.stringify(found, null, 2)).toBeDefined();
    if (expected.fix !== undefined) expect(match?.fix).toBe(expected.fix);
    expect(doctorExitCode(findings)).toBe(exit);
    for (const f of findings) expect(f.uk).toMatch(/[а-яіїєґ]/i);
  });

  it('a healthy server: no error and no warning', () => {
    const findings = findingsOf(CTX, healthy());
    expect(findings.filter((f) => f.level === 'error' || f.level === 'warning')).toEqual([]);
  });

  it('jobs the scheduler has not started yet: "starting" only, neither "no figures yet" nor "running"', () => {
    const obs = healthy();
    for (const j of obs.replications) Object.assign(j, { state: 'initializing', info: null });
    const codes = findingsOf(CTX, obs).map((f) => f.code);
    expect(codes.filter((c) => c.startsWith('replication'))).toEqual(['replication-starting', 'replication-starting']);
  });

  it('an unreachable server: that one finding, nothing else', () => {
    const obs = healthy();
    obs.reach = { kind: 'unreachable', reason: 'ENOTFOUND' };
    expect(findingsOf(CTX, obs).map((f) => f.code)).toEqual(['unreachable']);
  });

  it('wrong admin credentials: the outside checks still run, the admin-side ones do not', () => {
    const obs = healthy();
    obs.admin = { kind: 'refused', status: 401 };
    const codes = findingsOf(CTX, obs).map((f) => f.code);
    expect(codes).toContain('cors-allowed');
    expect(codes).toContain('login-required');
    expect(codes.at(-1)).toBe('admin-refused');
  });
});

describe('doctor helpers', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['10.0.0.5', false],
    ['rada.example.ua', false],
  ])('isLoopback(%s) is %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it.each([
    ['CERT_HAS_EXPIRED', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', true],
    ['SELF_SIGNED_CERT_IN_CHAIN', true],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', true],
    ['ERR_TLS_CERT_ALTNAME_INVALID', true],
    ['ECONNREFUSED', false],
    ['ENOTFOUND', false],
    ['TIMEOUT', false],
  ])('isTlsFailure(%s) is %s', (code, expected) => {
    expect(isTlsFailure(code)).toBe(expected);
  });

  it('the preflight names what a browser names for the app: no safelisted or browser-set headers', () => {
    expect([...PREFLIGHT_HEADERS].sort()).toEqual(['authorization', 'content-encoding', 'content-type']);
  });

  it('a 256 kbit/s link carries 32,000 bytes a second', () => {
    expect(secondsAt256k(32_000)).toBe(1);
  });

  it.each([
    ['hlyboke', 'hlyboke'],
    ['Глибоке', "'Глибоке'"],
    ["Кам'янка", "'Кам'\\''янка'"],
  ])('shellQuote(%s) is %s', (value, expected) => {
    expect(shellQuote(value)).toBe(expected);
  });

  it('the text: a label line, Ukrainian, English, the fix, then the summary in both languages', () => {
    const text = formatFindings([
      { level: 'error', code: 'x', uk: 'Українською', en: 'In English', fix: 'npm run admin -- setup --community c' },
      { level: 'warning', code: 'y', uk: 'Увага', en: 'Mind' },
    ]);
    expect(text.split('\n')).toEqual([
      'ПОМИЛКА / ERROR  x',
      '  Українською',
      '  In English',
      '  → npm run admin -- setup --community c',
      '',
      'УВАГА / WARNING  y',
      '  Увага',
      '  Mind',
      '',
      'Підсумок: помилок 1, попереджень 1: програма не працюватиме як слід, доки помилки не виправлено',
      'Summary: errors 1, warnings 1: the app cannot work as it should until the errors are fixed',
    ]);
  });
});
