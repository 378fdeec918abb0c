import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/appeal/appeal.types';
import { EVENT_KINDS, type EventKind } from '../../../shared/domain/events/event.types';
import {
  COUNCIL_EVENT_KINDS,
  canActOnVillage,
  canRegister,
  canWriteEvent,
  PERMISSIONS,
} from '../../../shared/domain/permissions/permissions';

// The matrix, written out once more by hand: a change to PERMISSIONS must be a deliberate change here too.
const MATRIX: Record<EventKind, [starosta: boolean, clerk: boolean, central: boolean]> = {
  forwarded: [true, true, false],
  assigned: [false, false, true],
  extended: [false, false, true],
  answered: [false, false, true],
  delivered: [true, true, true],
  closed: [false, false, true],
  amended: [true, true, true],
  'returned-incomplete': [true, false, true],
  'not-considered': [true, false, true],
  comment: [true, true, true],
};
const ROLES: Role[] = ['starosta', 'clerk', 'central'];

describe('permissions', () => {
  it.each(EVENT_KINDS.flatMap((kind) => ROLES.map((role, i) => [role, kind, MATRIX[kind][i]] as const)))(
    '%s may write %s: %s',
    (role, kind, expected) => {
      expect(canWriteEvent(role, kind)).toBe(expected);
    },
  );

  it('council-only kinds are the ones no village role has', () => {
    expect([...COUNCIL_EVENT_KINDS].sort()).toEqual(['answered', 'assigned', 'closed', 'extended']);
    for (const kind of COUNCIL_EVENT_KINDS) {
      expect(PERMISSIONS.starosta).not.toContain(kind);
      expect(PERMISSIONS.clerk).not.toContain(kind);
    }
  });

  it('everybody registers; unknown roles do nothing', () => {
    for (const role of ROLES) expect(canRegister(role)).toBe(true);
    expect(canRegister('admin' as Role)).toBe(false);
    expect(canWriteEvent('admin' as Role, 'comment')).toBe(false);
    expect(canWriteEvent('toString' as Role, 'comment')).toBe(false);
  });

  it.each([
    ['starosta', 'hlb', 'hlb', true],
    ['starosta', 'hlb', 'zrl', false],
    ['clerk', 'hlb', 'hlb', true],
    ['clerk', 'hlb', 'central', false],
    ['central', 'central', 'hlb', true],
    ['central', 'central', 'zrl', true],
    ['central', 'central', '', false],
    ['admin', 'hlb', 'hlb', false],
  ] as [Role, string, string, boolean][])('%s of %s acts on %j: %s', (role, own, target, expected) => {
    expect(canActOnVillage({ role, villageId: own }, target)).toBe(expected);
  });
});
