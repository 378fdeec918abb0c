/**
 * `doctor`'s conclusions about the server as a whole (address, TLS, CORS, anonymous access, compression, lockout, size
 * limits), made from observations only: no I/O, so each rule is tested with a table of observations.
 */

import { anonymousFindings, preflightFinding } from './doctor-findings-access';
import { communityFindings } from './doctor-findings-community';
import { compressionFinding, nodeFindings } from './doctor-findings-config';
import { setupFix } from './doctor-fixes';
import { type DoctorContext, type Finding, finding, type Observations, type RootObservation } from './doctor-types';

/** True for an address on this computer (`localhost`, 127.0.0.0/8, `::1`). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Every finding, in the order of the checks; the later checks are left out when an earlier one makes them pointless. */
export function findingsOf(ctx: DoctorContext, obs: Observations): Finding[] {
  const findings = addressFindings(ctx, obs);
  if (obs.reach.kind !== 'ok' || !obs.root) return findings;
  const root = rootFindings(ctx, obs.root);
  findings.push(...root);
  if (root.some((f) => f.code === 'not-couchdb' || f.code === 'demo-server')) return findings;
  findings.push(...obs.preflights.map((p) => preflightFinding(ctx, p)));
  if (obs.anonymous) findings.push(...anonymousFindings(ctx, obs.anonymous));
  if (obs.admin?.kind === 'refused') {
    findings.push(
      finding(
        'error',
        'admin-refused',
        `CouchDB відхилив ім'я або пароль адміністратора з COUCHDB_URL (${obs.admin.status}): налаштування сервера і бази громади не перевірено`,
        `CouchDB refused the admin name or password in COUCHDB_URL (${obs.admin.status}): the server's settings and the community's databases were not checked`,
      ),
    );
    return findings;
  }
  if (obs.admin?.kind === 'not-admin') {
    findings.push(
      finding(
        'error',
        'not-admin',
        `Користувач ${obs.admin.name} з COUCHDB_URL не є адміністратором сервера: налаштування сервера і бази громади не перевірено`,
        `The user ${obs.admin.name} in COUCHDB_URL is not a server admin: the server's settings and the community's databases were not checked`,
      ),
    );
    return findings;
  }
  if (obs.compression) findings.push(compressionFinding(obs.compression));
  for (const node of obs.nodes) findings.push(...nodeFindings(ctx, node));
  findings.push(...communityFindings(ctx, obs));
  // `setup` refuses to run without the community's name until the community exists: every setup fix then carries it.
  if (obs.databases.some((d) => d.scope.kind === 'central' && !d.exists)) {
    const plain = setupFix(ctx);
    for (const f of findings) if (f.fix === plain) f.fix = setupFix(ctx, true);
  }
  return findings;
}

/** 0 when the app can work (warnings allowed), 1 when any finding is an error. */
export function doctorExitCode(findings: readonly Finding[]): number {
  return findings.some((f) => f.level === 'error') ? 1 : 0;
}

function addressFindings(ctx: DoctorContext, obs: Observations): Finding[] {
  const url = new URL(ctx.base);
  const out: Finding[] = [];
  if (obs.reach.kind === 'unreachable') {
    out.push(
      finding(
        'error',
        'unreachable',
        `Сервер ${ctx.base} недоступний (${obs.reach.reason}): перевірте адресу, мережу і чи запущено CouchDB; далі нічого не перевірено`,
        `The server ${ctx.base} cannot be reached (${obs.reach.reason}): check the address, the network and that CouchDB runs; nothing else was checked`,
      ),
    );
    return out;
  }
  if (obs.reach.kind === 'tls') {
    out.push(
      finding(
        'error',
        'tls-certificate',
        `Сертифікат TLS сервера ${ctx.base} не прийнято (${obs.reach.reason}): програма теж не з'єднається; поставте на проксі дійсний сертифікат (напр. Let's Encrypt); далі нічого не перевірено`,
        `The TLS certificate of ${ctx.base} is refused (${obs.reach.reason}): the app will not connect either; give the proxy a valid certificate (e.g. Let's Encrypt); nothing else was checked`,
      ),
    );
    return out;
  }
  if (url.protocol === 'https:') {
    out.push(
      finding('ok', 'tls', `Сертифікат TLS сервера ${url.host} прийнято`, `The TLS certificate of ${url.host} is accepted`),
    );
  } else if (isLoopback(url.hostname)) {
    out.push(
      finding(
        'info',
        'local-address',
        `Адреса ${ctx.base} — цей комп'ютер: села бачать сервер через публічну адресу ради, перевірте також її`,
        `The address ${ctx.base} is this computer: villages reach the server through the council's public address, check that one too`,
      ),
    );
  } else {
    out.push(
      finding(
        'warning',
        'plain-http',
        `Адреса ${ctx.base} — http:, не https: паролі старост ідуть мережею відкритим текстом; поставте перед CouchDB зворотний проксі з TLS`,
        `The address ${ctx.base} is http:, not https: the starostas' passwords cross the network in clear text; put a reverse proxy with TLS in front of CouchDB`,
      ),
    );
  }
  return out;
}

function rootFindings(ctx: DoctorContext, root: RootObservation): Finding[] {
  if (root.kind === null) {
    return [
      finding(
        'error',
        'not-couchdb',
        `За адресою ${ctx.base} відповідає не CouchDB (статус ${root.status}): перевірте адресу, порт і шлях проксі; далі нічого не перевірено`,
        `The server at ${ctx.base} is not CouchDB (status ${root.status}): check the address, the port and the proxy's path; nothing else was checked`,
      ),
    ];
  }
  if (root.kind === 'pouchdb-server') {
    return [
      finding(
        'warning',
        'demo-server',
        'Це демонстраційний pouchdb-server (npm run server), а не CouchDB ради: doctor перевіряє лише Apache CouchDB',
        "This is the demo pouchdb-server (npm run server), not a council's CouchDB: doctor checks Apache CouchDB only",
      ),
    ];
  }
  const major = Number.parseInt(root.version ?? '', 10);
  if (!Number.isFinite(major)) {
    return [
      finding('info', 'couchdb-version', 'Сервер: Apache CouchDB, версію не видно', 'Server: Apache CouchDB, version not shown'),
    ];
  }
  if (major < 3) {
    return [
      finding(
        'warning',
        'old-couchdb',
        `Apache CouchDB ${root.version}: програму перевірено з 3.x (ролі, _scheduler, обмеження розміру); оновіть сервер`,
        `Apache CouchDB ${root.version}: the app is tested with 3.x (roles, _scheduler, size limits); upgrade the server`,
      ),
    ];
  }
  return [finding('ok', 'couchdb-version', `Сервер: Apache CouchDB ${root.version}`, `Server: Apache CouchDB ${root.version}`)];
}
