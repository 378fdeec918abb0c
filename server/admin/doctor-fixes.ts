/**
 * The commands `doctor` prints as fixes: the admin command's own steps (idempotent, so re-running one is always safe) and
 * the one server setting the admin command does not write.
 */
import type { DoctorContext, RegistryVillage } from './doctor-types';

/** A value quoted for a POSIX shell. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `setup` for the community with the web origins doctor was given; with `--community-name` when it is needed. */
export function setupFix(ctx: DoctorContext, needsName = false): string {
  const origins = ctx.webOrigins.map((o) => ` --web-origin ${shellQuote(o)}`).join('');
  const name = needsName ? " --community-name '<назва / name>'" : '';
  return `npm run admin -- setup --community ${ctx.community}${name}${origins}`;
}

/** `add-village` for a village of the registry (its name as registered). */
export function addVillageFix(ctx: DoctorContext, village: RegistryVillage): string {
  return `npm run admin -- add-village --community ${ctx.community} --code ${village.code} --name ${shellQuote(village.name)}`;
}

/** The fix for a database of the community: `setup` for the central one, `add-village` for a village's. */
export function databaseFix(ctx: DoctorContext, village: RegistryVillage | undefined): string {
  return village ? addVillageFix(ctx, village) : setupFix(ctx);
}

/** A configuration value written on one node with curl (COUCHDB_URL holds the admin's address). */
export function configFix(node: string, section: string, key: string, value: string): string {
  return `curl -X PUT "$COUCHDB_URL/_node/${encodeURIComponent(node)}/_config/${section}/${key}" -d '${JSON.stringify(value)}'`;
}
