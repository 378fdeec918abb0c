import { isCode } from '../../../shared/couch/names';
import type { DbScope } from '../../../shared/couch/validate-doc-update';
import { CENTRAL_CODE } from '../../../shared/transfer/acceptance';
import type { Profile } from '../profile.repository';
import type { SyncConfig } from '../sync/sync-config';

/**
 * The community code used when this PC knows none (never logged in, no code in its profile). Names only matter for
 * matching a record's writer roles with the database's, and both are built from the same code.
 */
export const PLACEHOLDER_COMMUNITY = 'local_pc';

/**
 * The server database this PC mirrors, whose rules decide what may enter it: the council's central database, or the
 * village's own. The sync settings (confirmed by the server at login) come first, then the profile.
 */
export function scopeFor(place: { config?: SyncConfig | null; profile?: Profile | null }): DbScope {
  const { config, profile } = place;
  const known = config?.community ?? profile?.communityCode;
  const community = isCode(known) ? known : PLACEHOLDER_COMMUNITY;
  if (config) {
    return config.role === 'central' ? { kind: 'central', community } : { kind: 'village', community, code: config.villageId };
  }
  if (profile && profile.role !== 'central' && profile.villageCode !== CENTRAL_CODE) {
    return { kind: 'village', community, code: profile.villageCode };
  }
  // The council's PC, or a PC not set up yet (nothing registered on it): the council's rules, the widest scope.
  return { kind: 'central', community };
}
