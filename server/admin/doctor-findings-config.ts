/**
 * `doctor`'s conclusions about the server's own settings: compression of responses (the reverse proxy's job), the login
 * lockout and the size limits. Pure.
 */
import { SESSION_COOKIE_SETTINGS, serverSettings } from '../../shared/couch/server-settings';
import { configFix, setupFix } from './doctor-fixes';
import {
  type CompressionObservation,
  type DoctorContext,
  type Finding,
  finding,
  type NodeConfigObservation,
} from './doctor-types';

/** Seconds a body of `bytes` takes on a 256 kbit/s link (a village's mobile connection). */
export function secondsAt256k(bytes: number): number {
  return (bytes * 8) / 256_000;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Whether responses came compressed, with what it costs a village's link. */
export function compressionFinding(c: CompressionObservation): Finding {
  const at = (bytes: number) => `${secondsAt256k(bytes).toFixed(1)} s`;
  if (c.encoding !== null) {
    return finding(
      'ok',
      'compression-on',
      `Відповіді стиснено (${c.encoding}): ${c.path} — ${kb(c.wireBytes)} замість ${kb(c.plainBytes)}, ${at(c.wireBytes)} на лінії 256 кбіт/с`,
      `Responses are compressed (${c.encoding}): ${c.path} took ${kb(c.wireBytes)} instead of ${kb(c.plainBytes)}, ${at(c.wireBytes)} on a 256 kbit/s link`,
    );
  }
  if (c.plainBytes < 1024) {
    return finding(
      'info',
      'compression-unknown',
      `Стиснення не перевірено: відповідь ${c.path} замала (${c.plainBytes} B)`,
      `Compression not checked: the answer of ${c.path} is too small (${c.plainBytes} B)`,
    );
  }
  const perMb = (ratio: number) => `${secondsAt256k(1_048_576 * ratio).toFixed(0)} s`;
  const ratio = c.gzipBytes / c.plainBytes;
  return finding(
    'warning',
    'compression-off',
    `Відповіді не стиснено: ${c.path} — ${kb(c.wireBytes)}, ${at(c.wireBytes)} на лінії 256 кбіт/с; gzip дав би ${kb(c.gzipBytes)}, ${at(c.gzipBytes)} (кожен МБ даних: ${perMb(1)} замість ${perMb(ratio)}). CouchDB не стискає відповідей — увімкніть gzip для application/json у зворотному проксі`,
    `Responses are not compressed: ${c.path} took ${kb(c.wireBytes)}, ${at(c.wireBytes)} on a 256 kbit/s link; gzip would make it ${kb(c.gzipBytes)}, ${at(c.gzipBytes)} (every MB of data: ${perMb(1)} instead of ${perMb(ratio)}). CouchDB never compresses responses: turn on gzip for application/json in the reverse proxy`,
  );
}

/** The lockout and size limits of one node. */
export function nodeFindings(ctx: DoctorContext, n: NodeConfigObservation): Finding[] {
  if (!n.config) {
    return [
      finding(
        'warning',
        'config-unreadable',
        `Налаштування вузла ${n.node} не прочитано (${n.status}): запустіть doctor з COUCHDB_URL, що веде прямо до CouchDB (напр. http://admin:…@127.0.0.1:5984)`,
        `The configuration of node ${n.node} could not be read (${n.status}): run doctor with COUCHDB_URL pointing at CouchDB itself (e.g. http://admin:…@127.0.0.1:5984)`,
      ),
    ];
  }
  const out: Finding[] = [];
  const lockout = n.config.chttpd_auth_lockout ?? {};
  // CouchDB 3.4's defaults when the section is absent: enforce, 5 failures, 5 minutes.
  const mode = lockout.mode ?? 'enforce';
  if (mode !== 'enforce') {
    out.push(
      finding(
        'warning',
        'lockout-off',
        `[chttpd_auth_lockout] mode = ${mode} (${n.node}): паролі можна підбирати без блокування облікового запису`,
        `[chttpd_auth_lockout] mode = ${mode} (${n.node}): passwords can be guessed without the account ever locking`,
        configFix(n.node, 'chttpd_auth_lockout', 'mode', 'enforce'),
      ),
    );
  } else {
    const threshold = lockout.threshold ?? '5';
    const minutes = Number(lockout.max_lifetime ?? '300000') / 60_000;
    out.push(
      finding(
        'ok',
        'lockout-on',
        `Після ${threshold} невдалих входів обліковий запис блокується на ${minutes} хв (${n.node})`,
        `After ${threshold} failed logins an account locks for ${minutes} min (${n.node})`,
      ),
    );
  }
  const wrong: { uk: string; en: string }[] = [];
  for (const s of serverSettings([]).filter((x) => x.key.startsWith('max_'))) {
    const current = n.config[s.section]?.[s.key];
    const name = `[${s.section}] ${s.key}`;
    if (current === undefined) {
      wrong.push({
        uk: `${name} не задано (діє типове значення CouchDB, більше за ${s.value})`,
        en: `${name} is not set (CouchDB's default applies, larger than ${s.value})`,
      });
    } else if (current !== s.value) {
      // `infinity` (CouchDB's spelling of no limit) parses as NaN: larger than any limit.
      const larger = !(Number(current) <= Number(s.value));
      wrong.push(
        larger
          ? { uk: `${name} = ${current}, більше за ${s.value}`, en: `${name} = ${current}, larger than ${s.value}` }
          : {
              uk: `${name} = ${current}, менше за ${s.value}, потрібні програмі`,
              en: `${name} = ${current}, smaller than the ${s.value} the app needs`,
            },
      );
    }
  }
  out.push(sessionCookieFinding(ctx, n));
  if (wrong.length > 0) {
    out.push(
      finding(
        'warning',
        'size-limits',
        `Обмеження розміру (${n.node}): ${wrong.map((w) => w.uk).join('; ')}; програма пише документи до 1 МБ і пакети до 8 МБ`,
        `Size limits (${n.node}): ${wrong.map((w) => w.en).join('; ')}; the app writes documents up to 1 MB and batches up to 8 MB`,
        setupFix(ctx),
      ),
    );
  } else {
    out.push(
      finding(
        'ok',
        'size-limits',
        `Обмеження розміру як потрібно програмі (${n.node})`,
        `Size limits as the app needs them (${n.node})`,
      ),
    );
  }
  return out;
}

/**
 * The browser's login cookie as `setup` makes it: not persistent and `SameSite=Strict` (shared/couch/server-settings.ts).
 * CouchDB's defaults (a cookie that survives the browser, no SameSite) are a warning, not an error: the app works with
 * them, but a shared PC keeps the login after the window is closed.
 */
function sessionCookieFinding(ctx: DoctorContext, n: NodeConfigObservation): Finding {
  const wrong = SESSION_COOKIE_SETTINGS.filter((s) => n.config?.[s.section]?.[s.key] !== s.value).map((s) => {
    const current = n.config?.[s.section]?.[s.key];
    return `[${s.section}] ${s.key} = ${current ?? '—'} (${s.value})`;
  });
  if (wrong.length > 0) {
    return finding(
      'warning',
      'session-cookie',
      `Cookie входу в браузері (${n.node}): ${wrong.join('; ')}; без цього вхід переживає закриття браузера і cookie надсилається з чужих сайтів`,
      `Browser login cookie (${n.node}): ${wrong.join('; ')}; without this a login outlives the browser window and the cookie is sent from other sites`,
      setupFix(ctx),
    );
  }
  return finding(
    'ok',
    'session-cookie',
    `Cookie входу в браузері: до закриття браузера, SameSite=Strict (${n.node}); Secure додає проксі з HTTPS`,
    `Browser login cookie: until the browser closes, SameSite=Strict (${n.node}); the HTTPS proxy adds Secure`,
  );
}
