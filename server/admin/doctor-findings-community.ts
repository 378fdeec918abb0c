/**
 * `doctor`'s conclusions about one community: its databases (design document, `_security`, community document),
 * conflicts on write-once records, and (doctor-findings-replication.ts) the villages' replications. Pure.
 */
import { designDoc, securityFor } from '../../shared/couch/design-docs';
import { communityNames, isWriteOnceId } from '../../shared/couch/names';
import { replicationFindings } from './doctor-findings-replication';
import { databaseFix, setupFix } from './doctor-fixes';
import { type DatabaseObservation, type DoctorContext, type Finding, finding, type Observations } from './doctor-types';
import { sameJson } from './json-compare';

/** Findings about the community's databases and replications. */
export function communityFindings(ctx: DoctorContext, obs: Observations): Finding[] {
  const central = obs.databases.find((d) => d.scope.kind === 'central');
  if (!central?.exists) {
    return [
      finding(
        'error',
        'community-not-set-up',
        `Громаду «${ctx.community}» на цьому сервері не налаштовано (немає бази ${communityNames(ctx.community).centralDb})`,
        `The community "${ctx.community}" is not set up on this server (no database ${communityNames(ctx.community).centralDb})`,
        setupFix(ctx, true),
      ),
    ];
  }
  const out: Finding[] = [];
  if (obs.villages?.length === 0) {
    out.push(
      finding(
        'info',
        'no-villages',
        'Сіл ще не зареєстровано',
        'No villages registered yet',
        `npm run admin -- add-village --community ${ctx.community} --code <код / code> --name '<назва / name>'`,
      ),
    );
  }
  const dbFindings = obs.databases.flatMap((d) => databaseFindings(ctx, d));
  out.push(...dbFindings);
  if (!dbFindings.some((f) => f.level === 'error')) {
    out.push(
      finding(
        'ok',
        'databases',
        `Бази громади (${obs.databases.length}): документ _design/ov, _security і документ громади такі, як їх записують setup і add-village`,
        `The community's databases (${obs.databases.length}): _design/ov, _security and the community document as setup and add-village write them`,
      ),
    );
  }
  out.push(...conflictFindings(obs.databases));
  out.push(...replicationFindings(ctx, obs.replications));
  return out;
}

function sortedList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String).sort() : [];
}

function normalSecurity(value: unknown) {
  const s = (value ?? {}) as Record<string, { names?: unknown; roles?: unknown } | undefined>;
  const part = (p: { names?: unknown; roles?: unknown } | undefined) => ({
    names: sortedList(p?.names),
    roles: sortedList(p?.roles),
  });
  return { admins: part(s.admins), members: part(s.members) };
}

function describeSecurity(s: ReturnType<typeof normalSecurity>): string {
  return `members ${s.members.roles.join(', ') || '—'}${s.members.names.length ? ` (${s.members.names.join(', ')})` : ''}; admins ${[...s.admins.roles, ...s.admins.names].join(', ') || '—'}`;
}

function databaseFindings(ctx: DoctorContext, d: DatabaseObservation): Finding[] {
  const fix = databaseFix(ctx, d.village);
  const label = d.village ? `села «${d.village.name}» (${d.db})` : `ради (${d.db})`;
  const labelEn = d.village ? `of the village "${d.village.name}" (${d.db})` : `of the council (${d.db})`;
  if (!d.exists) {
    return [
      finding(
        'error',
        'village-db-missing',
        `Бази ${label} немає: село не може синхронізуватися`,
        `The database ${labelEn} is missing: the village cannot sync`,
        fix,
      ),
    ];
  }
  const out: Finding[] = [];
  const wanted = designDoc(d.scope);
  if (d.designDoc === null) {
    out.push(
      finding(
        'error',
        'design-doc-missing',
        `У базі ${label} немає _design/ov: сервер не перевіряє записів і не фільтрує реплікацій`,
        `The database ${labelEn} has no _design/ov: the server validates no writes and filters no replication`,
        fix,
      ),
    );
  } else if (!sameJson(d.designDoc, wanted)) {
    const parts = [...new Set([...Object.keys(wanted), ...Object.keys(d.designDoc)])].filter(
      (k) => !sameJson(d.designDoc?.[k], (wanted as unknown as Record<string, unknown>)[k]),
    );
    out.push(
      finding(
        'error',
        'design-doc-outdated',
        `_design/ov бази ${label} застарів або змінений (відрізняється: ${parts.join(', ')}): перевірка записів, фільтри чи подання сервера не ті, що в цієї версії програми`,
        `_design/ov of the database ${labelEn} is outdated or changed (differs: ${parts.join(', ')}): the server's validation, filters or views are not this version's`,
        fix,
      ),
    );
  }
  const security = normalSecurity(d.security);
  const expected = normalSecurity(securityFor(d.scope));
  if (!sameJson(security, expected)) {
    out.push(
      finding(
        'error',
        'security-wrong',
        `_security бази ${label}: ${describeSecurity(security)}, а має бути ${describeSecurity(expected)} (порожні members — база відкрита кожному, хто увійшов)`,
        `_security of the database ${labelEn}: ${describeSecurity(security)}, should be ${describeSecurity(expected)} (empty members open the database to anyone logged in)`,
        fix,
      ),
    );
  }
  if (!d.hasCommunityDoc) {
    out.push(
      finding(
        'error',
        'community-doc-missing',
        `У базі ${label} немає документа громади community:${ctx.community}: користувачі не бачать назви громади при вході`,
        `The database ${labelEn} has no community document community:${ctx.community}: users see no community name at login`,
        setupFix(ctx),
      ),
    );
  }
  return out;
}

function conflictFindings(databases: readonly DatabaseObservation[]): Finding[] {
  const out: Finding[] = [];
  let checked = 0;
  for (const d of databases) {
    if (!d.exists) continue;
    if (d.conflicts === null) {
      out.push(
        finding(
          'info',
          'conflicts-unchecked',
          `Конфлікти в базі ${d.db} не перевірено: немає подання ov/conflicts, доки _design/ov не оновлено`,
          `Conflicts in ${d.db} not checked: the view ov/conflicts is not there until _design/ov is brought up to date`,
        ),
      );
      continue;
    }
    checked++;
    const forged = d.conflicts.filter((row) => isWriteOnceId(row.id));
    if (forged.length === 0) continue;
    const shown = (other: string) => forged.slice(0, 5).map((r) => `${r.id} (${other} ${r.revs.join(', ')})`);
    const more = forged.length > 5 ? ` … +${forged.length - 5}` : '';
    out.push(
      finding(
        'error',
        'write-once-conflict',
        `У базі ${d.db} записи, які ніколи не змінюються, мають другу версію — ознака підробки (${forged.length}): ${shown('інша версія').join('; ')}${more}. CouchDB показує версію з більшим номером ревізії, тож це може бути саме підробка. Порівняйте версії: GET /${d.db}/<id>?open_revs=all`,
        `In ${d.db} records that never change have a second version, a sign of tampering (${forged.length}): ${shown('other version').join('; ')}${more}. CouchDB shows the branch with the greater revision, which may be the forged one. Compare the versions: GET /${d.db}/<id>?open_revs=all`,
      ),
    );
  }
  if (checked > 0 && !out.some((f) => f.code === 'write-once-conflict')) {
    out.push(
      finding(
        'ok',
        'no-conflicts',
        `Конфліктів на незмінних записах немає (баз: ${checked})`,
        `No conflicts on write-once records (${checked} databases)`,
      ),
    );
  }
  return out;
}
