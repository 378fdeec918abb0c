import type { Role } from '../../../shared/domain/appeal/appeal.types';
import { isVillageCode } from '../../../shared/domain/indexes/reg-index';

/** Who a CouchDB account is in Open Village, read from its `_users` roles (set by `ov-admin add-user`). */
export type Identity = { role: Role; villageId: string } | null;

/** `ov:central` → the council office; `ov:village:<code>` → a village user (clerk with `ov:clerk`, else starosta). */
export function identityFromRoles(roles: readonly string[]): Identity {
  if (roles.includes('ov:central')) return { role: 'central', villageId: 'central' };
  for (const role of roles) {
    const m = /^ov:village:(.+)$/.exec(role);
    if (m?.[1] && isVillageCode(m[1])) return { role: roles.includes('ov:clerk') ? 'clerk' : 'starosta', villageId: m[1] };
  }
  return null;
}
