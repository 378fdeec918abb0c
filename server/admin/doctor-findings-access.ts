/**
 * `doctor`'s conclusions about what a browser and an anonymous caller meet: the CORS preflight of each app origin and
 * which addresses answer without a login. Pure.
 */
import { CORS_METHODS } from '../../shared/couch/server-settings';
import { setupFix } from './doctor-fixes';
import { type AnonymousObservation, type DoctorContext, type Finding, finding, type PreflightObservation } from './doctor-types';

// GET, HEAD and POST are CORS-safelisted methods: a browser needs only the others in Access-Control-Allow-Methods.
const NON_SIMPLE_METHODS = CORS_METHODS.filter((m) => !['GET', 'HEAD', 'POST'].includes(m));

/** Whether the app can call the server from this origin, as the preflight shows. */
export function preflightFinding(ctx: DoctorContext, p: PreflightObservation): Finding {
  const fix = setupFix(ctx);
  const head = { uk: `CORS для ${p.origin}`, en: `CORS for ${p.origin}` };
  const notAllowed = (uk: string, en: string) =>
    finding(
      'error',
      'cors-not-allowed',
      `${head.uk}: ${uk}; браузер блокує кожен запит програми, увійти неможливо`,
      `${head.en}: ${en}; the browser blocks every request of the app, nobody can log in`,
      fix,
    );
  if (p.status === null) {
    return notAllowed('запит preflight не отримав відповіді', 'the preflight got no answer');
  }
  // CouchDB answers a preflight it does not accept as a plain OPTIONS request (404, 401 or 405), sometimes still with
  // Access-Control-Allow-Origin; only a 2xx with the origin lets the browser go on (measured on CouchDB 3.4.3).
  if (p.status < 200 || p.status > 299 || (p.allowOrigin !== p.origin && p.allowOrigin !== '*')) {
    const what = `OPTIONS ${p.method} з заголовками ${p.requestHeaders.join(', ')}`;
    const whatEn = `OPTIONS ${p.method} with the headers ${p.requestHeaders.join(', ')}`;
    return notAllowed(
      `${what} — відповідь ${p.status} ${p.allowOrigin ? `з Access-Control-Allow-Origin ${p.allowOrigin}` : 'без Access-Control-Allow-Origin'} (CORS вимкнено, джерела немає в [cors] origins або заголовка немає в [cors] headers)`,
      `${whatEn} got ${p.status} ${p.allowOrigin ? `with Access-Control-Allow-Origin ${p.allowOrigin}` : 'without Access-Control-Allow-Origin'} (CORS off, the origin not in [cors] origins, or a header not in [cors] headers)`,
    );
  }
  if (p.allowCredentials !== 'true') {
    return notAllowed(
      'немає Access-Control-Allow-Credentials: true ([cors] credentials)',
      'no Access-Control-Allow-Credentials: true ([cors] credentials)',
    );
  }
  const allowed = (p.allowMethods ?? '').split(',').map((m) => m.trim().toUpperCase());
  const missing = NON_SIMPLE_METHODS.filter((m) => !allowed.includes(m));
  if (missing.length > 0) {
    return notAllowed(
      `методів ${missing.join(', ')} немає в [cors] methods`,
      `the methods ${missing.join(', ')} are not in [cors] methods`,
    );
  }
  return finding('ok', 'cors-allowed', `${head.uk}: дозволено`, `${head.en}: allowed`);
}

/** What the server shows without a login. */
export function anonymousFindings(ctx: DoctorContext, a: AnonymousObservation): Finding[] {
  const out: Finding[] = [];
  const fix = setupFix(ctx);
  if (a.root === 200) {
    out.push(
      finding(
        'warning',
        'anonymous-allowed',
        'Сервер відповідає без входу ([chttpd] require_valid_user_except_for_up вимкнено): кожен у мережі бачить сервер і може підбирати імена',
        'The server answers without a login ([chttpd] require_valid_user_except_for_up is off): anyone on the network sees it and may probe names',
        fix,
      ),
    );
  } else {
    out.push(
      finding(
        'ok',
        'login-required',
        `Без входу сервер відповідає ${a.root} (лише /_up відкрито)`,
        `Without a login the server answers ${a.root} (only /_up is open)`,
      ),
    );
  }
  if (a.centralDb === 200) {
    out.push(
      finding(
        'error',
        'central-db-public',
        'Базу ради читає будь-хто без входу: звернення громадян відкриті всім',
        "Anyone reads the council's database without a login: the citizens' appeals are open to all",
        fix,
      ),
    );
  }
  if (a.users === 200) {
    out.push(
      finding(
        'error',
        'users-public',
        'Базу _users читає будь-хто без входу: імена і ролі облікових записів відкриті; перевірте також _users/_security і [couch_httpd_auth] users_db_public',
        'Anyone reads _users without a login: account names and roles are open; check _users/_security and [couch_httpd_auth] users_db_public too',
        fix,
      ),
    );
  }
  if (a.allDbs === 200) {
    out.push(
      finding(
        'warning',
        'all-dbs-public',
        'Список баз (/_all_dbs) видно без входу: назви громад і сіл відкриті',
        'The list of databases (/_all_dbs) is shown without a login: the names of communities and villages are open',
        fix,
      ),
    );
  }
  return out;
}
